//===--- Dataflow.cpp - Forward analyses over a function's CFG ------------===//
#include "analyzer/Dataflow.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace boundwise;

std::unique_ptr<CFG> boundwise::buildBodyCFG(const FunctionDecl *Function,
                                             ASTContext &Context) {
  Stmt *Body = Function->getBody();
  if (!Body)
    return nullptr;
  if (auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  return CFG::buildCFG(Function, Body, &Context, Options);
}
