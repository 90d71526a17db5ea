// RUN: %check_rule %s process-for-io %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffixes=,CONFIG %s process-for-io %t -- \
// RUN:   --config="{Catalog: {io-only-programs: [s3sync]}}" \
// RUN:   -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Programs started with system, popen, exec* and posix_spawn(p), judged by
// the program: its first word for a shell command, the file for exec and
// posix_spawn, the base name of a path. A program that only moves bytes or
// waits on the network (the catalog's io-only-programs) is flagged where it
// is started; a program that computes, or one that cannot be known, is not.
// Fork children are in process-for-io-fork.cpp.

#include <string>
#include <vector>

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// system, popen.

void downloadWithSystem() {
  system("curl -s -o page.html https://example.com/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' starts a process ('curl') whose work is pure I/O: a process per wait costs memory and start-up for nothing; use threads for dozens to hundreds of waits, async for thousands (libcurl multi, Asio) [process-for-io]
}

void downloadWithPopen() {
  FILE *page = popen("wget -q -O - https://example.com/", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'popen' starts a process ('wget') whose work is pure I/O: {{.+}} [process-for-io]
  pclose(page);
}

// A compressor computes: the process is worth its cost.
void compressWithSystem() { system("xz -9 big.tar"); }

void compressWithPopen() {
  FILE *out = popen("gzip -9 -c big.tar", "r");
  pclose(out);
}

// Leading blanks and a path: the program is the base name of the first word.
void copyWithPath() {
  system("  /usr/bin/cp -r src/ dst/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' starts a process ('cp') whose work is pure I/O: {{.+}} [process-for-io]
}

// A program that only has an I/O tool's name in its arguments is not one.
void compileWithSystem() { system("gcc -O2 -o curl curl.c"); }

// exec*.

void syncWithExeclp() {
  execlp("rsync", "rsync", "-a", "src/", "host:dst/", (char *)nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execlp' starts a process ('rsync') whose work is pure I/O: {{.+}} [process-for-io]
}

void fetchWithExecvp() {
  char *argv[] = {(char *)"wget", (char *)"https://example.com/", nullptr};
  execvp("wget", argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execvp' starts a process ('wget') whose work is pure I/O: {{.+}} [process-for-io]
}

void catWithExecl() {
  execl("/bin/cat", "cat", "/etc/hosts", (char *)nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execl' starts a process ('cat') whose work is pure I/O: {{.+}} [process-for-io]
}

void transcodeWithExeclp() {
  execlp("ffmpeg", "ffmpeg", "-i", "in.mp4", "out.webm", (char *)nullptr);
}

void compileWithExecv() {
  char *argv[] = {(char *)"cc", (char *)"main.c", nullptr};
  execv("/usr/bin/cc", argv);
}

// posix_spawn(p): the program is the second argument.

void copyWithPosixSpawnp(char *const argv[]) {
  pid_t pid;
  posix_spawnp(&pid, "scp", nullptr, nullptr, argv, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'posix_spawnp' starts a process ('scp') whose work is pure I/O: {{.+}} [process-for-io]
}

void pingWithPosixSpawn(char *const argv[]) {
  pid_t pid;
  posix_spawn(&pid, "/bin/ping", nullptr, nullptr, argv, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'posix_spawn' starts a process ('ping') whose work is pure I/O: {{.+}} [process-for-io]
}

void encodeWithPosixSpawnp(char *const argv[]) {
  pid_t pid;
  posix_spawnp(&pid, "ffmpeg", nullptr, nullptr, argv, nullptr);
}

// Commands that are not literals.

// A command built from a literal prefix: its program is known.
void downloadBuilt(const std::string &url) {
  std::string cmd = "curl -s " + url;
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' starts a process ('curl') whose work is pure I/O: {{.+}} [process-for-io]
}

void downloadBuiltInline(const std::string &url) {
  system(("wget -q " + url).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' starts a process ('wget') whose work is pure I/O: {{.+}} [process-for-io]
}

// Built from a compressor's name: quiet.
void compressBuilt(const std::string &file) {
  std::string cmd = "xz -9 " + file;
  system(cmd.c_str());
}

// Unknown commands: nothing to judge.
void runUnknown(const char *cmd) { system(cmd); }

void runUnknownString(const std::string &cmd) { system(cmd.c_str()); }

void runSuffixOnly(const std::string &tool) {
  std::string cmd = tool + " --version";
  system(cmd.c_str());
}

void execUnknown(const char *program, char *const argv[]) {
  execvp(program, argv);
}

// A shell that runs curl is not recognised through `sh -c`.
void runThroughShell() { system("sh -c 'curl -s https://example.com/'"); }

// In a loop over items: one process per item, said in the message.

void downloadEach(const std::vector<std::string> &urls) {
  for (const std::string &url : urls) {
    std::string cmd = "curl -s -O " + url;
    system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' starts a process ('curl') for each item of this loop whose work is pure I/O: {{.+}} [process-for-io]
  }
}

void copyEachByIndex(const std::vector<std::string> &files,
                     char *const argv[]) {
  for (size_t i = 0; i < files.size(); ++i) {
    pid_t pid;
    posix_spawnp(&pid, "cp", nullptr, nullptr, argv, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'posix_spawnp' starts a process ('cp') for each item of this loop whose work is pure I/O: {{.+}} [process-for-io]
  }
}

void compressEach(const std::vector<std::string> &files) {
  for (const std::string &file : files) {
    std::string cmd = "xz -9 " + file;
    system(cmd.c_str());
  }
}

// A retry loop runs the same command again, not once per item.
void downloadWithRetries() {
  for (int attempt = 0; attempt < 3; ++attempt)
    if (system("curl -sf https://example.com/health") == 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'system' starts a process ('curl') whose work is pure I/O: {{.+}} [process-for-io]
      break;
}

// A macro: reported where it is used.
#define FETCH(url) system("curl -s " url)

void downloadWithMacro() {
  FETCH("https://example.com/macro");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' starts a process ('curl') whose work is pure I/O: {{.+}} [process-for-io]
}

// A template: reported once, however often it is instantiated.
template <class Item> void fetchTemplate(const Item &item) {
  system("wget -q https://example.com/item");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' starts a process ('wget') whose work is pure I/O: {{.+}} [process-for-io]
  (void)item;
}

void useFetchTemplate() {
  fetchTemplate(1);
  fetchTemplate(2.0);
}

// The catalog is extended in the configuration (the CONFIG run): s3sync
// only moves bytes.
void syncWithConfiguredTool() {
  system("s3sync bucket/ backup/");
  // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:3: warning: 'system' starts a process ('s3sync') whose work is pure I/O: {{.+}} [process-for-io]
}

// NOLINT silences one call.
void downloadSuppressed() {
  system("curl -s https://example.com/"); // NOLINT(process-for-io)
}
