#pragma once
// The syntax tree of a scenario. Every node keeps its line and column; the
// resolver fills in how each name is reached (slot, cell, global) so the
// evaluator never looks a local up by name.

#include "operations.h"
#include "value.h"

#include <memory>
#include <string>
#include <vector>

namespace ipclab::lang {

struct Node {
    int line = 0;
    int column = 0;
};

enum class ExprKind : std::uint8_t {
    Constant,
    Name,
    Attribute,
    Subscript,
    Slice,
    BinOp,
    UnaryOp,
    BoolOp,
    Compare,
    Call,
    IfExp,
    List,
    Tuple,
    Dict,
    Set,
    Comprehension,
    Lambda,
    FString,
    FormattedValue,
    Starred,
    Yield,
};

struct Expr : Node {
    explicit Expr(ExprKind k)
        : kind(k)
    {
    }
    virtual ~Expr() = default;
    ExprKind kind;
};
using ExprPtr = std::unique_ptr<Expr>;

struct ConstantExpr final : Expr {
    ConstantExpr()
        : Expr(ExprKind::Constant)
    {
    }
    Value value;
};

/// Class: a name in a class body, kept in the namespace dict under construction and
/// read from there, else from the module (index) and the builtins, as LOAD_NAME does.
enum class NameScope : std::uint8_t { Unresolved, Fast, Cell, Free, Global, Class };

struct NameExpr final : Expr {
    NameExpr()
        : Expr(ExprKind::Name)
    {
    }
    std::string id;
    NameScope scope = NameScope::Unresolved;
    int index = -1; // local slot, closure index, or module slot
    const Value *builtin = nullptr; // fallback when a global slot is empty
};

struct AttributeExpr final : Expr {
    AttributeExpr()
        : Expr(ExprKind::Attribute)
    {
    }
    ExprPtr object;
    std::string attr;
    // A one-entry cache of the last method found, keyed by the receiver's type.
    mutable const TypeObject *cachedType = nullptr;
    mutable NativeFn cachedMethod = nullptr;
    mutable ClassLookupCache classCache; // for instances of a scenario's classes
};

struct SubscriptExpr final : Expr {
    SubscriptExpr()
        : Expr(ExprKind::Subscript)
    {
    }
    ExprPtr object;
    ExprPtr index;
};

struct SliceExpr final : Expr {
    SliceExpr()
        : Expr(ExprKind::Slice)
    {
    }
    ExprPtr lower, upper, step; // each may be null
};

struct BinOpExpr final : Expr {
    BinOpExpr()
        : Expr(ExprKind::BinOp)
    {
    }
    BinOp op;
    ExprPtr left, right;
};

struct UnaryOpExpr final : Expr {
    UnaryOpExpr()
        : Expr(ExprKind::UnaryOp)
    {
    }
    UnaryOp op;
    ExprPtr operand;
};

struct BoolOpExpr final : Expr {
    BoolOpExpr()
        : Expr(ExprKind::BoolOp)
    {
    }
    bool isAnd = true;
    std::vector<ExprPtr> values;
};

struct CompareExpr final : Expr {
    CompareExpr()
        : Expr(ExprKind::Compare)
    {
    }
    ExprPtr left;
    std::vector<CmpOp> ops;
    std::vector<ExprPtr> comparators;
};

struct Keyword : Node {
    std::string name; // empty for **mapping
    ExprPtr value;
};

struct CallExpr final : Expr {
    CallExpr()
        : Expr(ExprKind::Call)
    {
    }
    ExprPtr func;
    std::vector<ExprPtr> args; // StarredExpr for *iterable
    std::vector<Keyword> keywords;
    bool simple = true; // no *args, no keywords
};

struct IfExpExpr final : Expr {
    IfExpExpr()
        : Expr(ExprKind::IfExp)
    {
    }
    ExprPtr test, body, orelse;
};

struct SequenceExpr final : Expr {
    SequenceExpr()
        : Expr(ExprKind::Tuple)
    {
    }
    explicit SequenceExpr(ExprKind k)
        : Expr(k)
    {
    } // List, Tuple or Set
    std::vector<ExprPtr> elements;
    bool hasStarred = false;
};

struct DictExpr final : Expr {
    DictExpr()
        : Expr(ExprKind::Dict)
    {
    }
    std::vector<ExprPtr> keys; // a null key means **mapping in values
    std::vector<ExprPtr> values;
};

struct ComprehensionClause {
    ExprPtr target;
    ExprPtr iter;
    std::vector<ExprPtr> ifs;
};

struct ComprehensionExpr final : Expr {
    enum class Result : std::uint8_t { List, Set, Dict, Generator };
    ComprehensionExpr()
        : Expr(ExprKind::Comprehension)
    {
    }
    Result result = Result::List;
    ExprPtr element; // or the key for dicts
    ExprPtr value; // dicts only
    std::vector<ComprehensionClause> clauses;
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct Parameter : Node {
    std::string name;
    ExprPtr defaultValue;
};

/// A function's code: parameters, body and the frame layout the resolver computed.
struct FunctionInfo {
    std::string name;
    std::string qualname; // outer.<locals>.inner, as CPython's messages name it
    std::vector<Parameter> params; // positional-or-keyword, then keyword-only
    std::size_t positionalCount = 0; // params before '*' / '*args'
    std::string varargs; // empty when absent
    std::string kwargs;
    int varargsSlot = -1, kwargsSlot = -1;
    bool isGenerator = false; // its body has a yield: calling it makes a generator
    Block body;
    ExprPtr lambdaBody; // lambdas have an expression instead of a body
    int line = 0, column = 0;

    // Filled by the resolver.
    int slotCount = 0; // parameters first, in order
    std::vector<std::string> slotNames;
    std::vector<int> cellSlots; // locals holding a CellObject
    struct FreeVar {
        std::string name;
        bool fromEnclosingCell; // true: enclosing frame's cell slot; false: enclosing closure
        int index;
    };
    std::vector<FreeVar> freeVars;
    std::size_t defaultCount() const
    {
        std::size_t n = 0;
        for (const auto &p : params)
            n += p.defaultValue ? 1 : 0;
        return n;
    }
};

struct LambdaExpr final : Expr {
    LambdaExpr()
        : Expr(ExprKind::Lambda)
    {
    }
    std::unique_ptr<FunctionInfo> function;
};

struct FStringExpr final : Expr {
    FStringExpr()
        : Expr(ExprKind::FString)
    {
    }
    std::vector<ExprPtr> parts; // ConstantExpr (str) or FormattedValueExpr
};

struct FormattedValueExpr final : Expr {
    FormattedValueExpr()
        : Expr(ExprKind::FormattedValue)
    {
    }
    ExprPtr value;
    char conversion = 0; // 'r', 's', 'a' or 0
    ExprPtr spec; // an FStringExpr, or null
};

/// `yield value` or `yield from iterable`: a statement, or the right side of `=`, only.
struct YieldExpr final : Expr {
    YieldExpr()
        : Expr(ExprKind::Yield)
    {
    }
    ExprPtr value; // may be null: a bare yield gives None
    bool from = false;
};

struct StarredExpr final : Expr {
    StarredExpr()
        : Expr(ExprKind::Starred)
    {
    }
    ExprPtr value;
};

enum class StmtKind : std::uint8_t {
    Expr,
    Assign,
    AugAssign,
    If,
    While,
    For,
    Break,
    Continue,
    Pass,
    Return,
    FunctionDef,
    Try,
    Raise,
    With,
    Assert,
    Global,
    Nonlocal,
    Delete,
    Import,
    ImportFrom,
    ClassDef,
};

struct Stmt : Node {
    explicit Stmt(StmtKind k)
        : kind(k)
    {
    }
    virtual ~Stmt() = default;
    StmtKind kind;
};

struct ExprStmt final : Stmt {
    ExprStmt()
        : Stmt(StmtKind::Expr)
    {
    }
    ExprPtr value;
};

struct AssignStmt final : Stmt {
    AssignStmt()
        : Stmt(StmtKind::Assign)
    {
    }
    std::vector<ExprPtr> targets; // a = b = value has two
    ExprPtr value;
};

struct AugAssignStmt final : Stmt {
    AugAssignStmt()
        : Stmt(StmtKind::AugAssign)
    {
    }
    ExprPtr target;
    BinOp op;
    ExprPtr value;
};

struct IfStmt final : Stmt {
    IfStmt()
        : Stmt(StmtKind::If)
    {
    }
    ExprPtr test;
    Block body, orelse;
};

struct WhileStmt final : Stmt {
    WhileStmt()
        : Stmt(StmtKind::While)
    {
    }
    ExprPtr test;
    Block body, orelse;
};

struct ForStmt final : Stmt {
    ForStmt()
        : Stmt(StmtKind::For)
    {
    }
    ExprPtr target, iter;
    Block body, orelse;
};

struct SimpleStmt final : Stmt {
    SimpleStmt()
        : Stmt(StmtKind::Pass)
    {
    }
    explicit SimpleStmt(StmtKind k)
        : Stmt(k)
    {
    } // Break, Continue, Pass
};

struct ReturnStmt final : Stmt {
    ReturnStmt()
        : Stmt(StmtKind::Return)
    {
    }
    ExprPtr value;
};

struct FunctionDefStmt final : Stmt {
    FunctionDefStmt()
        : Stmt(StmtKind::FunctionDef)
    {
    }
    std::unique_ptr<FunctionInfo> function;
    std::unique_ptr<NameExpr> target; // where the function is bound
    std::vector<ExprPtr> decorators; // outermost first, applied last to first
};

/// class Name(bases): body. The body runs once as a function of its own (for the closures
/// its methods take); the names it binds become the class namespace.
struct ClassDefStmt final : Stmt {
    ClassDefStmt()
        : Stmt(StmtKind::ClassDef)
    {
    }
    std::string name;
    std::vector<ExprPtr> bases;
    std::unique_ptr<FunctionInfo> body;
    std::unique_ptr<NameExpr> target;
    std::vector<ExprPtr> decorators;
};

struct ExceptHandler : Node {
    ExprPtr type; // null for a bare except
    std::unique_ptr<NameExpr> name; // `as e`, may be null
    Block body;
};

struct TryStmt final : Stmt {
    TryStmt()
        : Stmt(StmtKind::Try)
    {
    }
    Block body;
    std::vector<ExceptHandler> handlers;
    Block orelse, finalbody;
};

struct RaiseStmt final : Stmt {
    RaiseStmt()
        : Stmt(StmtKind::Raise)
    {
    }
    ExprPtr exception; // null: re-raise
    ExprPtr cause; // raise X from Y
};

struct WithItem {
    ExprPtr context;
    ExprPtr target; // may be null
};

struct WithStmt final : Stmt {
    WithStmt()
        : Stmt(StmtKind::With)
    {
    }
    std::vector<WithItem> items;
    Block body;
};

struct AssertStmt final : Stmt {
    AssertStmt()
        : Stmt(StmtKind::Assert)
    {
    }
    ExprPtr test, message;
};

struct NamesStmt final : Stmt {
    explicit NamesStmt(StmtKind k)
        : Stmt(k)
    {
    } // Global, Nonlocal
    std::vector<std::string> names;
};

struct DeleteStmt final : Stmt {
    DeleteStmt()
        : Stmt(StmtKind::Delete)
    {
    }
    std::vector<ExprPtr> targets;
};

struct ImportAlias : Node {
    std::string name; // dotted module name, or the imported name
    std::string asname;
    std::unique_ptr<NameExpr> target; // where it is bound
};

struct ImportStmt final : Stmt {
    ImportStmt()
        : Stmt(StmtKind::Import)
    {
    }
    std::vector<ImportAlias> names;
};

struct ImportFromStmt final : Stmt {
    ImportFromStmt()
        : Stmt(StmtKind::ImportFrom)
    {
    }
    std::string module;
    std::vector<ImportAlias> names;
};

/// A parsed and resolved scenario: the module's code, and its source for tracebacks.
struct Program {
    std::string fileName;
    std::string source;
    std::vector<std::string> lines;
    std::vector<std::string> globalNames; // module slot i holds globalNames[i]
    FunctionInfo module; // the module body as a function with its own frame (comprehension locals)
};

} // namespace ipclab::lang
