// RUN: %check_rule %s cpu-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=LOW %s cpu-in-async %t -- \
// RUN:   --config="{CostModel: {PerItemIterations: 3}, Catalog: {coroutine-types: [{names: [Task]}]}}" -- \
// RUN:   -std=c++20 -nostdinc++ -isystem %mock_headers

// The cost model asks for evidence of size: constant retry loops, searches
// that stop at their first match, scans whose inner loop moves the outer
// cursor and sorts of a few elements are not heavy; a large constant loop
// per item of the input is. Each has its twin.

#include <algorithm>
#include <coroutine>
#include <cstddef>
#include <vector>

using std::size_t;

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

bool trySend(const std::vector<int> &batch);

// A retry loop bounded by a constant is not a loop over data.

Task retry(const std::vector<int> &batch) {
  int attempt = 0;
  while (attempt < 3) {
    long sum = 0;
    for (int x : batch)
      sum += x;
    if (sum && trySend(batch))
      break;
    ++attempt;
  }
  co_return;
}

Task retryDo(const std::vector<int> &batch) {
  int tries = 0;
  do {
    for (int x : batch)
      if (x < 0)
        co_return;
  } while (++tries < 3);
  co_return;
}

Task retryPerItem(const std::vector<int> &batch, size_t n) {
  size_t round = 0;
  while (round < n) {
    long sum = 0;
    for (int x : batch)
      sum += x;
    ++round;
  }
  // CHECK-MESSAGES: :[[@LINE-6]]:3: warning: 'retryPerItem' is a coroutine, but it runs nested loops over input data (2 levels) and stalls the event loop; {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-7]]:3: warning: 'retryPerItem' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// A constant inner loop of 1000 iterations per item of the input is heavy;
// three per item (the channels of a pixel) is not, unless the threshold
// says so.

Task perItem(const std::vector<double> &xs, double *out) {
  for (size_t i = 0; i < xs.size(); ++i)
    for (int j = 0; j < 1000; ++j)
      out[i] += xs[i] * j;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'perItem' is a coroutine, but it runs a loop of 1000 iterations per item of a loop over input data and stalls the event loop; {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-4]]:3: warning: 'perItem' is a coroutine, but it runs a loop of 1000 iterations per item of a loop over input data {{.+}} [cpu-in-async]
  co_return;
}

Task channels(const std::vector<unsigned char> &pixels, unsigned *sum) {
  for (size_t i = 0; i + 3 <= pixels.size(); i += 3)
    for (int c = 0; c < 3; ++c)
      sum[c] += pixels[i + c];
  // CHECK-MESSAGES-LOW: :[[@LINE-3]]:3: warning: 'channels' is a coroutine, but it runs a loop of 3 iterations per item of a loop over input data {{.+}} [cpu-in-async]
  co_return;
}

// A search that returns at its first match is not a nest; the same loops
// that count every pair are.

Task findDuplicate(const std::vector<int> &xs, bool *found) {
  for (size_t i = 0; i < xs.size(); ++i)
    for (size_t j = i + 1; j < xs.size(); ++j)
      if (xs[i] == xs[j]) {
        *found = true;
        co_return;
      }
  co_return;
}

Task countDuplicates(const std::vector<int> &xs, long *count) {
  for (size_t i = 0; i < xs.size(); ++i)
    for (size_t j = i + 1; j < xs.size(); ++j)
      if (xs[i] == xs[j])
        ++*count;
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'countDuplicates' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-5]]:3: warning: 'countDuplicates' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// Leaving at an error is not a search: the nest still counts every pair.

int flush(long count);

Task pairsUntilError(const std::vector<int> &xs) {
  for (size_t i = 0; i < xs.size(); ++i) {
    long same = 0;
    for (size_t j = 0; j < xs.size(); ++j)
      same += xs[i] == xs[j];
    if (flush(same) < 0)
      co_return;
  }
  // CHECK-MESSAGES: :[[@LINE-7]]:3: warning: 'pairsUntilError' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-8]]:3: warning: 'pairsUntilError' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// A scan whose inner loop advances the outer loop's cursor (skipping a
// comment to the end of the line), or that moves its cursor past what the
// inner loop read, is one linear pass.

Task skipComments(const char *text, size_t len, int *code) {
  for (size_t i = 0; i < len; ++i) {
    if (text[i] == '#')
      for (++i; i < len; ++i)
        if (text[i] == '\n')
          ++*code;
    ++*code;
  }
  co_return;
}

Task fields(const char *line, size_t len, int *width) {
  for (size_t i = 0; i < len;) {
    size_t j = i + 1;
    for (; j < len; ++j)
      *width += line[j] != ',';
    i = j;
  }
  co_return;
}

// A walk over chunks whose inner loop covers one chunk is one pass too.

Task maskChunks(char *data, size_t len, char key) {
  const size_t chunk = 4096;
  for (size_t offset = 0; offset < len; offset += chunk) {
    size_t n = len - offset < chunk ? len - offset : chunk;
    for (size_t i = 0; i < n; ++i)
      data[offset + i] ^= key;
  }
  co_return;
}

Task pairsOfChars(const char *line, size_t len, int *count) {
  for (size_t i = 0; i < len; ++i)
    for (size_t j = 0; j < len; ++j)
      *count += line[i] == line[j];
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'pairsOfChars' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-4]]:3: warning: 'pairsOfChars' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// Sorting three elements is not heavy; sorting the input is.

Task sortThree(std::vector<int> &input) {
  int rgb[3] = {3, 1, 2};
  std::sort(rgb, rgb + 3);
  std::sort(input.begin(), input.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sortThree' is a coroutine, but it calls 'std::sort', which sorts a range {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'sortThree' is a coroutine, but it calls 'std::sort', which sorts a range {{.+}} [cpu-in-async]
  co_return;
}

// A walk of nested data, the cells of each row, is linear in its size: one
// level, by item or by index. A triangle over the same rows is a nest.

struct Row {
  std::vector<int> cells;
};

Task sumCells(const std::vector<Row> &rows) {
  long sum = 0;
  for (const Row &row : rows)
    for (int cell : row.cells)
      sum += cell;
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = 0; j < rows[i].cells.size(); ++j)
      sum += rows[i].cells[j];
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row *row = &rows[i];
    for (size_t j = 0; j < row->cells.size(); ++j)
      sum += row->cells[j];
  }
  co_return;
}

Task triangle(const std::vector<Row> &rows) {
  long same = 0;
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      same += rows[i].cells.size() == rows[j].cells.size();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'triangle' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-4]]:3: warning: 'triangle' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// The parts of an item found through locals made from it (its name, the
// entry the name picks, that entry's parts) are nested data too. A list
// the body fetches anew for every item, not made from it, is a cross
// product.

struct Entry {
  std::vector<int> parts;
};
const Entry &entryNamed(int name);
const std::vector<int> &allParts();

Task sumEntries(const std::vector<int> &names) {
  long sum = 0;
  for (size_t x = 0; x < names.size(); ++x) {
    int name = names.at(x);
    const Entry *entry = &entryNamed(name);
    const std::vector<int> &parts = entry->parts;
    for (int part : parts)
      sum += part;
  }
  co_return;
}

Task sumAllParts(const std::vector<int> &names) {
  long sum = 0;
  for (size_t x = 0; x < names.size(); ++x) {
    const std::vector<int> &parts = allParts();
    for (int part : parts)
      sum += part * names.at(x);
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:3: warning: 'sumAllParts' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-6]]:3: warning: 'sumAllParts' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// Linked lists: the panes each window holds are nested data, one level;
// every pane of the session for each window is a cross product.

struct Pane {
  Pane *next;
  const void *owner;
};
struct Window {
  Pane *panes;
  Window *next;
};
void mark(Pane *pane);

Task markPanes(Window *windows) {
  Window *w;
  Pane *p;
  for (w = windows; w != nullptr; w = w->next)
    for (p = w->panes; p != nullptr; p = p->next)
      mark(p);
  co_return;
}

Task countOwned(Window *windows, Pane *allPanes, long *owned) {
  Window *w;
  Pane *p;
  for (w = windows; w != nullptr; w = w->next)
    for (p = allPanes; p != nullptr; p = p->next)
      *owned += p->owner == w;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'countOwned' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-4]]:3: warning: 'countOwned' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}

// A loop up to the largest value of its counter's type has no bound of its
// own: it ends at its break, the first free slot. Up to a large constant it
// runs that many turns.

const void *slotAt(unsigned index);

Task firstFreeSlot(unsigned *free) {
  unsigned i;
  for (i = 0; i < ~0u; i++)
    if (slotAt(i) == nullptr)
      break;
  *free = i;
  co_return;
}

Task countToThreeBillion(unsigned long *sum) {
  for (unsigned i = 0; i < 3000000000u; i++)
    *sum += i;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'countToThreeBillion' is a coroutine, but it runs a loop of 3000000000 iterations {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-3]]:3: warning: 'countToThreeBillion' is a coroutine, but it runs a loop of 3000000000 iterations {{.+}} [cpu-in-async]
  co_return;
}

// A buffer doubled up to the length it must hold takes a few turns per
// item, not a walk of the data: one level. Growing it by a constant step
// is a walk, and a nest.

void *grow(void *buf, size_t size);

Task joinCells(const std::vector<Row> &rows, size_t capacity) {
  size_t length = 0;
  void *buf = nullptr;
  for (const Row &row : rows) {
    length += row.cells.size();
    while (capacity < length)
      capacity *= 2;
    buf = grow(buf, capacity);
  }
  co_return;
}

Task joinCellsSlowly(const std::vector<Row> &rows, size_t capacity) {
  size_t length = 0;
  void *buf = nullptr;
  for (const Row &row : rows) {
    length += row.cells.size();
    while (capacity < length)
      capacity += 64;
    // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'joinCellsSlowly' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
    // CHECK-MESSAGES-LOW: :[[@LINE-5]]:3: warning: 'joinCellsSlowly' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
    buf = grow(buf, capacity);
  }
  co_return;
}

// An inner loop bounded by an 8-bit value (a cell's width, kept in an
// `unsigned char`, or in a local only ever given one) runs at most 255
// turns per item: a small constant, not a level of the nest. The same
// loop bounded by a wider parameter is one.

struct Cell {
  unsigned char width;
  unsigned span;
};

void put(char c);

Task drawCells(const std::vector<Cell> &cells) {
  for (const Cell &cell : cells) {
    for (unsigned i = 0; i < cell.width; ++i)
      put(' ');
    unsigned width = cell.width;
    for (unsigned i = 0; i < width; ++i)
      put(' ');
  }
  // With a per-item threshold of 3, 255 turns per item are many.
  // CHECK-MESSAGES-LOW: :[[@LINE-8]]:3: warning: 'drawCells' is a coroutine, but it runs a loop of 255 iterations per item of a loop over input data {{.+}} [cpu-in-async]
  co_return;
}

Task drawPadded(const std::vector<Cell> &cells, unsigned pad) {
  for (const Cell &cell : cells)
    for (unsigned i = 0; i < pad; ++i)
      put(' ');
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'drawPadded' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-4]]:3: warning: 'drawPadded' is a coroutine, but it runs nested loops over input data (2 levels) {{.+}} [cpu-in-async]
  co_return;
}
