//===--- ThreadPerConnection.cpp - thread-per-connection rule -------------===//
#include "analyzer/rules/ThreadPerConnection.h"
#include "analyzer/LineSource.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "thread-per-connection";

void ThreadPerConnection::check(const AnalysisState &State,
                                std::vector<Finding> &Out) const {
  for (const AsyncContext &Connection : State.Contexts) {
    if (Connection.Kind != ContextKind::ConnectionThread)
      continue;
    Finding Result;
    Result.Rule = RuleName.str();
    Result.Loc = State.Lines.locate(Connection.SubmitLoc);
    Result.Message =
        "a new thread ('" + Connection.Api +
        "') is started for each connection this loop accepts, without a "
        "bound: thousands of connections mean thousands of threads; use async "
        "(an event loop such as Asio or libuv) for thousands of connections, "
        "or a bounded pool for dozens to hundreds";
    Result.SuggestedModel = ConcurrencyModel::Async;
    Result.Notes.push_back({State.Lines.locate(Connection.AcceptLoc),
                            "the connection is accepted here"});
    Out.push_back(std::move(Result));
  }
}
