//===--- Finding.cpp - What a run reports ---------------------------------===//
#include "analyzer/Finding.h"

#include "llvm/Support/ErrorHandling.h"

using namespace boundwise;

llvm::StringRef boundwise::modelName(ConcurrencyModel Model) {
  switch (Model) {
  case ConcurrencyModel::None:
    return "";
  case ConcurrencyModel::Threads:
    return "threads";
  case ConcurrencyModel::Async:
    return "async";
  case ConcurrencyModel::Processes:
    return "processes";
  }
  llvm_unreachable("covered switch");
}
