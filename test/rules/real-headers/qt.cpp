// REQUIRES: real-qt
// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++17 -fPIC %{qt_includes}

// A Qt Widgets window against the installed Qt 5 headers: slots connected
// to a widget, functors given a widget as context, QTimer::singleShot and
// QMetaObject::invokeMethod on a widget, and a widget's event handlers run
// on the UI thread, and blocking there freezes it. The twins stay quiet: a
// slot of an object that is not a widget (it may live on a worker thread),
// QtConcurrent::run, a method nothing connects, and a singleShot with no
// object to say where it runs.

#include <QtConcurrent/QtConcurrent>
#include <QtCore/QMetaObject>
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QWidget>

#include <fstream>
#include <string>
#include <unistd.h>

class Worker : public QObject {
public:
  void crunch() { sleep(1); }
};

class MainWindow : public QWidget {
public:
  MainWindow() {
    auto *load = new QPushButton("Load", this);
    connect(load, &QPushButton::clicked, this, &MainWindow::loadSettings);
    connect(load, &QPushButton::pressed, [] { usleep(1000); });
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: the lambda passed to 'connect' runs on the UI thread, but it calls 'usleep', which sleeps and stalls the UI thread; use {{.+}} or offload it: QtConcurrent::run() and a QFutureWatcher {{.+}} [blocking-in-async]
    QTimer::singleShot(0, this, [] { sleep(2); });
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: the lambda passed to 'singleShot' runs on the UI thread, but it calls 'sleep', {{.+}} [blocking-in-async]
    QTimer::singleShot(100, [] { sleep(3); });
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the lambda passed to 'singleShot' runs on the UI thread, but it calls 'sleep', {{.+}} [blocking-in-async]
    QMetaObject::invokeMethod(this, [] { sleep(4); });
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: the lambda passed to 'invokeMethod' runs on the UI thread, but it calls 'sleep', {{.+}} [blocking-in-async]

    connect(load, &QPushButton::released, &worker, &Worker::crunch);
    QtConcurrent::run([] { sleep(5); });
  }

  void loadSettings() {
    std::ifstream in("settings.ini");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'MainWindow::loadSettings' runs on the UI thread (given to 'connect'), but it calls 'std::ifstream', which opens a file and stalls the UI thread; {{.+}} [blocking-in-async]
    std::getline(in, name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'MainWindow::loadSettings' runs on the UI thread (given to 'connect'), but it calls 'std::getline', which reads from a file {{.+}} [blocking-in-async]
  }

  // Nothing connects it: where it runs is its callers' business.
  void refresh() { sleep(6); }

protected:
  void mousePressEvent(QMouseEvent *) override { usleep(500); }
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'MainWindow::mousePressEvent' runs on the UI thread (it overrides 'QWidget::mousePressEvent'), but it calls 'usleep', {{.+}} [blocking-in-async]

private:
  Worker worker;
  std::string name;
};

// No object: the functor runs on whichever thread calls this.
void later() { QTimer::singleShot(10, [] { sleep(7); }); }
