// RUN: %check_rule %s cpu-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// CPU-heavy work on the UI thread freezes the window: a widget's slot, a
// functor run for a widget, and a widget's event handlers. The twins stay
// quiet: the same work in a slot of an object that is not a widget, in a
// method nothing connects, and in a singleShot with no object to run it.

#include <algorithm>
#include <vector>

#include <QtCore/QObject>
#include <QtWidgets/QWidget>
#include <openssl/sha.h>

class Indexer : public QObject {
public:
  void rebuild(std::vector<int> &rows) { std::sort(rows.begin(), rows.end()); }
};

class Table : public QWidget {
public:
  explicit Table(QPushButton *sort) {
    QObject::connect(sort, &QPushButton::clicked, this, &Table::sortRows);
    QObject::connect(sort, &QPushButton::clicked, &indexer, &Indexer::rebuild);
    QTimer::singleShot(0, [this] { checksum(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: the lambda passed to 'singleShot' runs on the UI thread, but 'Table::checksum' computes for long (SHA256) and stalls the UI thread; {{.+}} [cpu-in-async]
  }

  void sortRows() { std::sort(rows.begin(), rows.end()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Table::sortRows' runs on the UI thread (given to 'connect'), but it calls 'std::sort', which sorts a range and stalls the UI thread; offload it to a CPU pool: QtConcurrent::run() and a QFutureWatcher {{.+}} [cpu-in-async]

  void checksum() {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data.data(), data.size(), md);
  }

  // Nothing connects it.
  void resort() { std::sort(rows.begin(), rows.end()); }

protected:
  void paintEvent(QPaintEvent *) override {
    for (int row : rows)
      for (int column : rows)
        total += row * column;
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'Table::paintEvent' runs on the UI thread (it overrides 'QWidget::paintEvent'), but it runs nested loops over input data (2 levels) and stalls the UI thread; {{.+}} [cpu-in-async]
  }
  void timerEvent(QTimerEvent *) override { std::sort(rows.begin(), rows.end()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'Table::timerEvent' runs on the UI thread (it overrides 'QObject::timerEvent'), but it calls 'std::sort', {{.+}} [cpu-in-async]

private:
  Indexer indexer;
  std::vector<int> rows;
  std::vector<unsigned char> data;
  long total = 0;
};

// A timer event of an object that is not a widget runs on its own thread.
class Poller : public QObject {
  std::vector<int> samples;

protected:
  void timerEvent(QTimerEvent *) override {
    std::sort(samples.begin(), samples.end());
  }
};

// No object: the functor runs on whichever thread calls this.
void later(std::vector<int> &rows) {
  QTimer::singleShot(10, [&rows] { std::sort(rows.begin(), rows.end()); });
}
