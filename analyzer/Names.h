//===--- Names.h - Qualified names as the catalog spells them --*- C++ -*-===//
//
/// \file
/// The catalog names functions and types by their qualified name without
/// template arguments and without inline namespaces (`std::_V2::` and
/// `std::__cxx11::` vanish), so one entry covers every instantiation and every
/// standard library.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_NAMES_H
#define BOUNDWISE_ANALYZER_NAMES_H

#include <string>

namespace clang {
class CXXRecordDecl;
class NamedDecl;
class QualType;
} // namespace clang

namespace boundwise {

/// The catalog spelling of \p D: `std::basic_ifstream::basic_ifstream`.
std::string catalogNameOf(const clang::NamedDecl *D);

/// The spelling of a parameter type that `params:` globs match: references
/// and qualifiers dropped, a class by its catalog name (`std::basic_string`),
/// a pointer as its pointee and ` *` (`char *`), others canonical (`int`).
std::string catalogTypeName(clang::QualType T);

/// The class of a value of type \p T, looking through references, pointers
/// and typedefs; null for non-class types.
const clang::CXXRecordDecl *classOfType(clang::QualType T);

} // namespace boundwise

#endif
