//===--- DeclLookup.cpp - The catalog seen from one AST -------------------===//
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace boundwise;

/// Whether \p Function is a library's: declared `extern "C"` or in a system
/// header, and not given a body by the project.
static bool isLibraryFunction(const FunctionDecl *Function,
                              const SourceManager &SM) {
  const FunctionDecl *Definition = nullptr;
  if (Function->hasBody(Definition) &&
      !SM.isInSystemHeader(Definition->getLocation()))
    return false;
  if (Function->isExternC())
    return true;
  return llvm::any_of(Function->redecls(), [&](const FunctionDecl *Redecl) {
    return SM.isInSystemHeader(Redecl->getLocation());
  });
}

/// The catalog names of \p Method called on a \p Receiver: one per class
/// from the receiver's up to the one that declares the method, so that an
/// entry names the class users see (`std::future::wait`, which libstdc++
/// declares in `std::__basic_future`) and a derived class of a library's
/// inherits its entries.
static std::vector<std::string> memberNames(const CXXMethodDecl *Method,
                                            const CXXRecordDecl *Receiver) {
  const CXXRecordDecl *Declaring = Method->getParent()->getCanonicalDecl();
  std::string Member = "::" + Method->getNameAsString();
  std::vector<std::string> Names;
  std::vector<const CXXRecordDecl *> Classes{Receiver};
  // Breadth first: nearer classes come first. Hierarchies are small.
  for (size_t I = 0; I < Classes.size() && I < 32; ++I) {
    const CXXRecordDecl *Class = Classes[I];
    if (Class->getCanonicalDecl() == Declaring) {
      Names.push_back(catalogNameOf(Class) + Member);
      continue;
    }
    if (!Class->hasDefinition() || !Class->isDerivedFrom(Declaring))
      continue;
    Names.push_back(catalogNameOf(Class) + Member);
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (const CXXRecordDecl *BaseClass = classOfType(Base.getType()))
        Classes.push_back(BaseClass);
  }
  std::string DeclaredName = catalogNameOf(Method);
  if (!llvm::is_contained(Names, DeclaredName))
    Names.push_back(std::move(DeclaredName));
  return Names;
}

ApiRoles DeclLookup::roles(const FunctionDecl *Function,
                           const CXXRecordDecl *Receiver) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (!Method || isa<CXXConstructorDecl>(Method))
    Receiver = nullptr;
  std::pair<const Decl *, const Decl *> Key{
      Function->getCanonicalDecl(),
      Receiver ? Receiver->getCanonicalDecl() : nullptr};
  auto It = Roles.find(Key);
  if (It != Roles.end())
    return It->second;
  ApiQuery Query;
  Query.Names = Receiver ? memberNames(Method, Receiver)
                         : std::vector<std::string>{catalogNameOf(Function)};
  Query.ParamTypes.emplace();
  for (const ParmVarDecl *Param : Function->parameters())
    Query.ParamTypes->push_back(catalogTypeName(Param->getType()));
  Query.FromLibrary = isLibraryFunction(Function, Context.getSourceManager());
  return Roles[Key] = TheCatalog.lookup(Query);
}

const CXXRecordDecl *boundwise::receiverOf(const Expr *Call) {
  // The object as written: before its conversion to the declaring base.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return classOfType(
        Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType());
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Operator && Operator->getNumArgs() > 0 &&
      isa_and_nonnull<CXXMethodDecl>(Operator->getCalleeDecl()))
    return classOfType(Operator->getArg(0)->IgnoreParenImpCasts()->getType());
  return nullptr;
}

ApiRoles DeclLookup::roles(const Expr *Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return {};
  return roles(Callee, receiverOf(Call));
}

/// Whether \p Function is a lambda's or a local class's: their USRs are not
/// unique within one function, their locations are.
static bool isLocalFunction(const FunctionDecl *Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (Method && Method->getParent()->isLambda())
    return true;
  for (const DeclContext *Scope = Function->getDeclContext(); Scope;
       Scope = Scope->getParent())
    if (Scope->isFunctionOrMethod())
      return true;
  return false;
}

std::string DeclLookup::identity(const FunctionDecl *Function) {
  auto It = Identities.find(Function);
  if (It != Identities.end())
    return It->second;
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(Function, Usr))
    Usr = "boundwise:" + catalogNameOf(Function);
  std::string Identity(Usr);
  if (isLocalFunction(Function)) {
    SourcePoint Where = point(Function->getLocation());
    Identity += "@" + Where.File + ":" + std::to_string(Where.Line) + ":" +
                std::to_string(Where.Column);
  }
  return Identities[Function] = std::move(Identity);
}

ExecutorKind DeclLookup::classifyRecord(const CXXRecordDecl *Record,
                                        unsigned Depth) {
  // Wrappers nest (strand<strand<...>>) only a few levels in practice.
  if (!Record || Depth > 4)
    return ExecutorKind::Unknown;
  ExecutorKind Kind = TheCatalog.classifyExecutor(catalogNameOf(Record));
  if (Kind != ExecutorKind::Wrapper) {
    if (Kind != ExecutorKind::Unknown || !Record->hasDefinition())
      return Kind;
    // A class derived from an io_context is one.
    for (const CXXBaseSpecifier &Base : Record->bases()) {
      Kind = classifyRecord(classOfType(Base.getType()), Depth + 1);
      if (Kind != ExecutorKind::Unknown)
        return Kind;
    }
    return ExecutorKind::Unknown;
  }
  // A strand runs its work where its inner executor does.
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return ExecutorKind::Unknown;
  return classifyRecord(classOfType(Spec->getTemplateArgs()[0].getAsType()),
                        Depth + 1);
}

TypeRole DeclLookup::recordRole(const CXXRecordDecl *Record, unsigned Depth) {
  // Class hierarchies of Python objects are shallow (object -> handle).
  if (!Record || Depth > 6)
    return TypeRole::None;
  auto It = TypeRoles.find(Record);
  if (It != TypeRoles.end())
    return It->second;
  TypeRole Role = TheCatalog.typeRole(catalogNameOf(Record));
  if (Role == TypeRole::None && Record->hasDefinition())
    for (const CXXBaseSpecifier &Base : Record->bases()) {
      Role = recordRole(classOfType(Base.getType()), Depth + 1);
      if (Role != TypeRole::None)
        break;
    }
  return TypeRoles[Record] = Role;
}

TypeRole DeclLookup::typeRole(QualType Type) {
  if (const RecordType *Record =
          Type.isNull() ? nullptr
                        : Type.getNonReferenceType()->getAs<RecordType>())
    return typeRole(Record->getDecl());
  return recordRole(classOfType(Type), 0);
}

TypeRole DeclLookup::typeRole(const RecordDecl *Record) {
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
    return recordRole(Class, 0);
  return TheCatalog.typeRole(Record->getName());
}

ExecutorKind DeclLookup::executorKind(const Expr *Executor) {
  if (!Executor)
    return ExecutorKind::Unknown;
  return classifyRecord(classOfType(Executor->getType()), 0);
}

const CoroutineType *DeclLookup::coroutineType(const FunctionDecl *Function) {
  const CXXRecordDecl *Record = classOfType(Function->getReturnType());
  return Record ? TheCatalog.coroutineType(catalogNameOf(Record)) : nullptr;
}

std::string DeclLookup::displayName(const FunctionDecl *Function) const {
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (Method && Method->getParent()->isLambda()) {
    // Lambdas have no name; where they are written tells them apart.
    SourcePoint Where = point(Method->getParent()->getLocation());
    return "lambda at " + llvm::sys::path::filename(Where.File).str() + ":" +
           std::to_string(Where.Line);
  }
  if (Method && !Method->getParent()->getName().empty())
    return (Method->getParent()->getName() + "::" + Function->getNameAsString())
        .str();
  return Function->getNameAsString();
}

SourcePoint DeclLookup::point(SourceLocation Loc) const {
  const SourceManager &SM = Context.getSourceManager();
  PresumedLoc Presumed = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (Presumed.isInvalid())
    return {};
  return {normalizedPath(Presumed.getFilename()), Presumed.getLine(),
          Presumed.getColumn()};
}

std::string boundwise::normalizedPath(llvm::StringRef Path) {
  llvm::SmallString<256> Normal(Path);
  llvm::sys::path::remove_dots(Normal, /*remove_dot_dot=*/true);
  return std::string(Normal);
}

bool boundwise::hasFunctionEffect(const FunctionDecl *Function,
                                  FunctionEffect::Kind Kind) {
  for (const FunctionDecl *Redecl : Function->redecls())
    for (const FunctionEffectWithCondition &Effect :
         Redecl->getFunctionEffects())
      if (Effect.Effect.kind() == Kind)
        return true;
  return false;
}

bool boundwise::hasAnnotation(const FunctionDecl *Function,
                              llvm::StringRef Annotation) {
  for (const FunctionDecl *Redecl : Function->redecls())
    for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>())
      if (Attr->getAnnotation() == Annotation)
        return true;
  return false;
}

const FunctionDecl *boundwise::calleeOf(const Expr *Call) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    return Construct->getConstructor();
  return cast<CallExpr>(Call)->getDirectCallee();
}

llvm::ArrayRef<const Expr *> boundwise::callArguments(const Expr *Call) {
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call)) {
    Args = {Construct->getArgs(), Construct->getNumArgs()};
  } else {
    const auto *TheCall = cast<CallExpr>(Call);
    Args = {TheCall->getArgs(), TheCall->getNumArgs()};
    const auto *Operator = dyn_cast<CXXOperatorCallExpr>(TheCall);
    if (Operator && isa_and_nonnull<CXXMethodDecl>(Operator->getCalleeDecl()) &&
        !Args.empty())
      Args = Args.drop_front();
  }
  // Defaulted parameters (Asio's SFINAE constraints among them) were not
  // written: the last argument is the last one the user passed.
  while (!Args.empty() && isa<CXXDefaultArgExpr>(Args.back()))
    Args = Args.drop_back();
  return Args;
}

const Expr *boundwise::argumentAt(const Expr *Call, int Index) {
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  int Size = static_cast<int>(Args.size());
  int Position = Index < 0 ? Size + Index : Index;
  if (Position < 0 || Position >= Size)
    return nullptr;
  return Args[Position];
}

static std::string literalPrefixAt(const Expr *E, unsigned Depth) {
  if (!E || Depth > 6)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *Literal = dyn_cast<StringLiteral>(E))
    return Literal->isOrdinary() ? Literal->getString().str() : "";
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    return literalPrefixAt(Temporary->getSubExpr(), Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return literalPrefixAt(Bind->getSubExpr(), Depth + 1);
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E))
    return Operator->getOperator() == OO_Plus && Operator->getNumArgs() > 0
               ? literalPrefixAt(Operator->getArg(0), Depth + 1)
               : "";
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return literalPrefixAt(Member->getImplicitObjectArgument(), Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() > 0
               ? literalPrefixAt(Construct->getArg(0), Depth + 1)
               : "";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return literalPrefixAt(Var->getInit(), Depth + 1);
  return "";
}

std::string boundwise::literalPrefix(const Expr *E) {
  return literalPrefixAt(E, 0);
}

bool boundwise::isPathUnder(const Expr *Path,
                            const std::vector<std::string> &Prefixes) {
  std::string Beginning = literalPrefix(Path);
  return llvm::any_of(Prefixes, [&](const std::string &Prefix) {
    return llvm::StringRef(Beginning).starts_with(Prefix);
  });
}

const Expr *boundwise::callObject(const Expr *Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getImplicitObjectArgument();
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Operator && isa_and_nonnull<CXXMethodDecl>(Operator->getCalleeDecl()) &&
      Operator->getNumArgs() > 0)
    return Operator->getArg(0);
  return nullptr;
}
