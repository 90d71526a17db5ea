// REQUIRES: real-gtk
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11 %{gtk_includes}

// A GTK 3 application against the installed <gtk/gtk.h>: the handlers of a
// widget's and of the application's signals run on the UI thread, and
// blocking there freezes it. The twins stay quiet: a handler of a plain
// GObject's signal (it runs on the thread that emits it) and a function no
// signal calls.

#include <gtk/gtk.h>
#include <stdio.h>
#include <unistd.h>

static void on_clicked(GtkWidget *button, gpointer data) {
  (void)button;
  FILE *out = fopen((const char *)data, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'on_clicked' runs on the UI thread (given to 'g_signal_connect_data'), but it calls 'fopen', which opens a file and stalls the UI thread; use {{.+}} or offload it: g_task_run_in_thread() {{.+}} [blocking-in-async]
  if (out)
    fclose(out);
}

static void on_destroy(GtkWidget *window, gpointer data) {
  (void)window;
  (void)data;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_destroy' runs on the UI thread (given to 'g_signal_connect_data'), but it calls 'sleep', {{.+}} [blocking-in-async]
}

static void on_notify(GObject *object, GParamSpec *spec, gpointer data) {
  (void)object;
  (void)spec;
  (void)data;
  sleep(2);
}

static void nap(void) { sleep(3); }

static void activate(GtkApplication *app, gpointer data) {
  (void)data;
  usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'activate' runs on the UI thread (given to 'g_signal_connect_data'), but it calls 'usleep', {{.+}} [blocking-in-async]
  GtkWidget *window = gtk_application_window_new(app);
  GtkWidget *button = gtk_button_new_with_label("Save");
  g_signal_connect(button, "clicked", G_CALLBACK(on_clicked), "out.txt");
  g_signal_connect(window, "destroy", G_CALLBACK(on_destroy), NULL);
  gtk_container_add(GTK_CONTAINER(window), button);
  gtk_widget_show_all(window);
}

int main(int argc, char **argv) {
  GtkApplication *app =
      gtk_application_new("org.example.save", G_APPLICATION_FLAGS_NONE);
  g_signal_connect(app, "activate", G_CALLBACK(activate), NULL);
  GObject *settings = g_object_new(G_TYPE_OBJECT, NULL);
  g_signal_connect(settings, "notify", G_CALLBACK(on_notify), NULL);
  nap();
  return g_application_run(G_APPLICATION(app), argc, argv);
}
