#include "resolver.h"

#include "builtins.h"
#include "types.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace ipclab::lang {

namespace {

struct Scope {
    FunctionInfo *function = nullptr;
    bool isModule = false;
    bool isClass = false; // a class body: its names go to the namespace, and functions inside don't see them
    std::unordered_set<std::string> classNames; // what a class body binds
    std::string mangleAs; // inside a class: its name without leading underscores, for __private names
    Scope *parent = nullptr;

    /// CPython's private name mangling: `__x` inside class C (its methods too) is `_C__x`.
    std::string mangled(const std::string &name) const
    {
        if (mangleAs.empty() || name.size() < 3 || name.compare(0, 2, "__") != 0 || name.compare(name.size() - 2, 2, "__") == 0)
            return name;
        return "_" + mangleAs + name;
    }
    std::unordered_map<std::string, int> locals;
    std::unordered_set<std::string> globals;
    std::unordered_set<std::string> nonlocals;
    std::vector<std::unordered_map<std::string, int>> overlays; // comprehension variables, innermost last
    std::unordered_map<std::string, int> freeIndex;
    std::unordered_set<int> cells;
    std::vector<NameExpr *> slotNames; // resolved to a slot; fixed up for cells at the end

    int newSlot(const std::string &name)
    {
        const int slot = function->slotCount++;
        function->slotNames.push_back(name);
        return slot;
    }
};

class Resolver {
public:
    Resolver(Program &p, const ImportCatalog &c)
        : m_program(p)
        , m_catalog(c)
    {
    }

    void run()
    {
        Scope module;
        m_program.module.qualname = "<module>";
        module.function = &m_program.module;
        module.isModule = true;
        resolveBlock(module, m_program.module.body);
        finish(module);
    }

private:
    [[noreturn]] void fail(const Node &n, std::string message) { throw SyntaxIssue { n.line, n.column, std::move(message) }; }

    // --- pass 1: which names does this function bind?
    void collectTarget(Scope &s, const Expr *e)
    {
        if (!e)
            return;
        switch (e->kind) {
        case ExprKind::Name:
            bind(s, static_cast<const NameExpr *>(e)->id, *e);
            break;
        case ExprKind::Tuple:
        case ExprKind::List:
            for (const auto &el : static_cast<const SequenceExpr *>(e)->elements)
                collectTarget(s, el.get());
            break;
        case ExprKind::Starred:
            collectTarget(s, static_cast<const StarredExpr *>(e)->value.get());
            break;
        default:
            break;
        }
    }

    void bind(Scope &s, const std::string &unmangled, const Node &where)
    {
        (void)where;
        const std::string name = s.mangled(unmangled);
        if (s.isClass) {
            if (!s.globals.count(name))
                s.classNames.insert(name);
            return;
        }
        if (s.isModule || s.globals.count(name) || s.nonlocals.count(name) || s.locals.count(name))
            return;
        s.locals.emplace(name, s.newSlot(name));
    }

    void collectBlock(Scope &s, const Block &block)
    {
        for (const auto &stmt : block)
            collectStmt(s, *stmt);
    }

    void collectStmt(Scope &s, const Stmt &stmt)
    {
        switch (stmt.kind) {
        case StmtKind::Assign:
            for (const auto &t : static_cast<const AssignStmt &>(stmt).targets)
                collectTarget(s, t.get());
            break;
        case StmtKind::AugAssign:
            collectTarget(s, static_cast<const AugAssignStmt &>(stmt).target.get());
            break;
        case StmtKind::For: {
            const auto &f = static_cast<const ForStmt &>(stmt);
            collectTarget(s, f.target.get());
            collectBlock(s, f.body);
            collectBlock(s, f.orelse);
            break;
        }
        case StmtKind::While: {
            const auto &w = static_cast<const WhileStmt &>(stmt);
            collectBlock(s, w.body);
            collectBlock(s, w.orelse);
            break;
        }
        case StmtKind::If: {
            const auto &i = static_cast<const IfStmt &>(stmt);
            collectBlock(s, i.body);
            collectBlock(s, i.orelse);
            break;
        }
        case StmtKind::Try: {
            const auto &t = static_cast<const TryStmt &>(stmt);
            collectBlock(s, t.body);
            for (const auto &h : t.handlers) {
                if (h.name)
                    bind(s, h.name->id, *h.name);
                collectBlock(s, h.body);
            }
            collectBlock(s, t.orelse);
            collectBlock(s, t.finalbody);
            break;
        }
        case StmtKind::With: {
            const auto &w = static_cast<const WithStmt &>(stmt);
            for (const auto &item : w.items)
                collectTarget(s, item.target.get());
            collectBlock(s, w.body);
            break;
        }
        case StmtKind::FunctionDef:
            bind(s, static_cast<const FunctionDefStmt &>(stmt).target->id, stmt);
            break;
        case StmtKind::ClassDef:
            bind(s, static_cast<const ClassDefStmt &>(stmt).target->id, stmt);
            break;
        case StmtKind::Delete:
            for (const auto &t : static_cast<const DeleteStmt &>(stmt).targets)
                collectTarget(s, t.get());
            break;
        case StmtKind::Import:
            for (const auto &a : static_cast<const ImportStmt &>(stmt).names)
                bind(s, a.target->id, stmt);
            break;
        case StmtKind::ImportFrom:
            for (const auto &a : static_cast<const ImportFromStmt &>(stmt).names)
                bind(s, a.target->id, stmt);
            break;
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            const auto &g = static_cast<const NamesStmt &>(stmt);
            for (const auto &name : g.names) {
                if (s.isModule && stmt.kind == StmtKind::Global)
                    continue;
                if (s.locals.count(name)
                    && std::find(s.function->slotNames.begin(), s.function->slotNames.begin() + static_cast<long>(s.function->params.size()), name)
                        != s.function->slotNames.begin() + static_cast<long>(s.function->params.size()))
                    fail(stmt, "name '" + name + "' is parameter and " + (stmt.kind == StmtKind::Global ? "global" : "nonlocal"));
                if (s.locals.count(name))
                    fail(stmt, "name '" + name + "' is assigned to before " + (stmt.kind == StmtKind::Global ? "global" : "nonlocal") + " declaration");
                (stmt.kind == StmtKind::Global ? s.globals : s.nonlocals).insert(name);
            }
            break;
        }
        default:
            break;
        }
    }

    // --- pass 2: resolve every use
    int findFree(Scope &s, const std::string &name)
    {
        if (auto it = s.freeIndex.find(name); it != s.freeIndex.end())
            return it->second;
        Scope *parent = s.parent;
        if (!parent)
            return -1;
        int slot = -1;
        // A class body's names are invisible to the functions inside it: look past it,
        // through its own closure, as CPython does.
        for (auto it = parent->overlays.rbegin(); !parent->isClass && it != parent->overlays.rend() && slot < 0; ++it)
            if (auto f = it->find(name); f != it->end())
                slot = f->second;
        // At module level only comprehension variables live in the frame; the rest are globals.
        if (slot < 0 && parent->isModule)
            return -1;
        if (slot < 0 && !parent->isClass && !parent->globals.count(name) && !parent->nonlocals.count(name))
            if (auto f = parent->locals.find(name); f != parent->locals.end())
                slot = f->second;
        FunctionInfo::FreeVar fv;
        fv.name = name;
        if (slot >= 0) {
            parent->cells.insert(slot);
            fv.fromEnclosingCell = true;
            fv.index = slot;
        } else {
            if (parent->globals.count(name))
                return -1;
            const int outer = findFree(*parent, name);
            if (outer < 0)
                return -1;
            fv.fromEnclosingCell = false;
            fv.index = outer;
        }
        const int index = static_cast<int>(s.function->freeVars.size());
        s.function->freeVars.push_back(fv);
        s.freeIndex.emplace(name, index);
        return index;
    }

    void resolveName(Scope &s, NameExpr &n)
    {
        n.id = s.mangled(n.id);
        for (auto it = s.overlays.rbegin(); it != s.overlays.rend(); ++it) {
            if (auto f = it->find(n.id); f != it->end()) {
                n.scope = NameScope::Fast;
                n.index = f->second;
                s.slotNames.push_back(&n);
                return;
            }
        }
        if (s.isClass && !s.globals.count(n.id)) {
            if (s.classNames.count(n.id)) {
                n.scope = NameScope::Class;
                n.builtin = builtinValue(n.id);
                auto [it, inserted] = m_globalIndex.emplace(n.id, static_cast<int>(m_program.globalNames.size()));
                if (inserted)
                    m_program.globalNames.push_back(n.id);
                n.index = it->second;
                return;
            }
            const int free = findFree(s, n.id);
            if (free >= 0) {
                n.scope = NameScope::Free;
                n.index = free;
                return;
            }
        } else if (!s.isModule && !s.globals.count(n.id)) {
            if (!s.nonlocals.count(n.id)) {
                if (auto f = s.locals.find(n.id); f != s.locals.end()) {
                    n.scope = NameScope::Fast;
                    n.index = f->second;
                    s.slotNames.push_back(&n);
                    return;
                }
            }
            const int free = findFree(s, n.id);
            if (free >= 0) {
                n.scope = NameScope::Free;
                n.index = free;
                return;
            }
            if (s.nonlocals.count(n.id))
                fail(n, "no binding for nonlocal '" + n.id + "' found");
        }
        n.scope = NameScope::Global;
        n.builtin = builtinValue(n.id);
        auto [it, inserted] = m_globalIndex.emplace(n.id, static_cast<int>(m_program.globalNames.size()));
        if (inserted)
            m_program.globalNames.push_back(n.id);
        n.index = it->second;
    }

    void resolveExpr(Scope &s, Expr *e)
    {
        if (!e)
            return;
        switch (e->kind) {
        case ExprKind::Constant:
            break;
        case ExprKind::Name:
            resolveName(s, static_cast<NameExpr &>(*e));
            break;
        case ExprKind::Attribute:
            static_cast<AttributeExpr *>(e)->attr = s.mangled(static_cast<AttributeExpr *>(e)->attr);
            resolveExpr(s, static_cast<AttributeExpr *>(e)->object.get());
            break;
        case ExprKind::Subscript: {
            auto *x = static_cast<SubscriptExpr *>(e);
            resolveExpr(s, x->object.get());
            resolveExpr(s, x->index.get());
            break;
        }
        case ExprKind::Slice: {
            auto *x = static_cast<SliceExpr *>(e);
            resolveExpr(s, x->lower.get());
            resolveExpr(s, x->upper.get());
            resolveExpr(s, x->step.get());
            break;
        }
        case ExprKind::BinOp: {
            auto *x = static_cast<BinOpExpr *>(e);
            resolveExpr(s, x->left.get());
            resolveExpr(s, x->right.get());
            break;
        }
        case ExprKind::UnaryOp:
            resolveExpr(s, static_cast<UnaryOpExpr *>(e)->operand.get());
            break;
        case ExprKind::BoolOp:
            for (auto &v : static_cast<BoolOpExpr *>(e)->values)
                resolveExpr(s, v.get());
            break;
        case ExprKind::Compare: {
            auto *x = static_cast<CompareExpr *>(e);
            resolveExpr(s, x->left.get());
            for (auto &c : x->comparators)
                resolveExpr(s, c.get());
            break;
        }
        case ExprKind::Call: {
            auto *x = static_cast<CallExpr *>(e);
            resolveExpr(s, x->func.get());
            for (auto &a : x->args)
                resolveExpr(s, a.get());
            for (auto &k : x->keywords)
                resolveExpr(s, k.value.get());
            break;
        }
        case ExprKind::IfExp: {
            auto *x = static_cast<IfExpExpr *>(e);
            resolveExpr(s, x->test.get());
            resolveExpr(s, x->body.get());
            resolveExpr(s, x->orelse.get());
            break;
        }
        case ExprKind::List:
        case ExprKind::Tuple:
        case ExprKind::Set:
            for (auto &el : static_cast<SequenceExpr *>(e)->elements)
                resolveExpr(s, el.get());
            break;
        case ExprKind::Dict: {
            auto *x = static_cast<DictExpr *>(e);
            for (auto &k : x->keys)
                resolveExpr(s, k.get());
            for (auto &v : x->values)
                resolveExpr(s, v.get());
            break;
        }
        case ExprKind::Comprehension:
            resolveComprehension(s, static_cast<ComprehensionExpr &>(*e));
            break;
        case ExprKind::Lambda:
            resolveFunction(s, *static_cast<LambdaExpr *>(e)->function);
            break;
        case ExprKind::FString:
            for (auto &p : static_cast<FStringExpr *>(e)->parts)
                resolveExpr(s, p.get());
            break;
        case ExprKind::FormattedValue: {
            auto *x = static_cast<FormattedValueExpr *>(e);
            resolveExpr(s, x->value.get());
            resolveExpr(s, x->spec.get());
            break;
        }
        case ExprKind::Starred:
            resolveExpr(s, static_cast<StarredExpr *>(e)->value.get());
            break;
        case ExprKind::Yield:
            resolveExpr(s, static_cast<YieldExpr *>(e)->value.get());
            break;
        }
    }

    void overlayTargets(std::unordered_map<std::string, int> &layer, Scope &s, const Expr *e)
    {
        switch (e->kind) {
        case ExprKind::Name: {
            const auto &id = static_cast<const NameExpr *>(e)->id;
            if (!layer.count(id))
                layer.emplace(id, s.newSlot(id));
            break;
        }
        case ExprKind::Tuple:
        case ExprKind::List:
            for (const auto &el : static_cast<const SequenceExpr *>(e)->elements)
                overlayTargets(layer, s, el.get());
            break;
        case ExprKind::Starred:
            overlayTargets(layer, s, static_cast<const StarredExpr *>(e)->value.get());
            break;
        default:
            break;
        }
    }

    // A comprehension's variables get fresh hidden locals in the enclosing frame, so they
    // don't leak (Python 3 semantics) yet cost no extra frame.
    void resolveComprehension(Scope &s, ComprehensionExpr &c)
    {
        const std::size_t depth = s.overlays.size();
        for (std::size_t i = 0; i < c.clauses.size(); ++i) {
            auto &clause = c.clauses[i];
            resolveExpr(s, clause.iter.get()); // the first iterable is evaluated outside, later ones inside
            std::unordered_map<std::string, int> layer;
            overlayTargets(layer, s, clause.target.get());
            s.overlays.push_back(std::move(layer));
            resolveExpr(s, clause.target.get());
            for (auto &cond : clause.ifs)
                resolveExpr(s, cond.get());
        }
        resolveExpr(s, c.element.get());
        resolveExpr(s, c.value.get());
        s.overlays.resize(depth);
    }

    void resolveFunction(Scope &outer, FunctionInfo &f)
    {
        f.qualname = qualifiedName(outer, f.name);
        for (auto &p : f.params)
            resolveExpr(outer, p.defaultValue.get());
        Scope inner;
        inner.function = &f;
        inner.parent = &outer;
        inner.mangleAs = outer.mangleAs;
        for (auto &p : f.params)
            inner.locals.emplace(p.name, inner.newSlot(p.name));
        if (!f.varargs.empty()) {
            f.varargsSlot = inner.newSlot(f.varargs);
            inner.locals.emplace(f.varargs, f.varargsSlot);
        }
        if (!f.kwargs.empty()) {
            f.kwargsSlot = inner.newSlot(f.kwargs);
            inner.locals.emplace(f.kwargs, f.kwargsSlot);
        }
        collectBlock(inner, f.body);
        if (f.lambdaBody)
            resolveExpr(inner, f.lambdaBody.get());
        resolveBlock(inner, f.body);
        finish(inner);
    }

    static std::string qualifiedName(const Scope &outer, const std::string &name)
    {
        if (outer.isModule)
            return name;
        return outer.function->qualname + (outer.isClass ? "." : ".<locals>.") + name;
    }

    /// What a class body may define: the data model IPC Lab runs. Anything else would be
    /// accepted by the check and then behave differently at run time, so it is refused here.
    void checkClassBody(const Block &body)
    {
        static const std::unordered_set<std::string> allowed = { "__init__", "__repr__", "__str__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
            "__hash__", "__bool__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__next__", "__call__", "__enter__",
            "__exit__", "__getattr__", "__neg__", "__pos__", "__invert__", "__doc__", "__module__", "__qualname__" };
        static const char *const ops[] = { "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul" };
        auto isAllowed = [](const std::string &name) {
            if (name.size() < 5 || name.compare(0, 2, "__") != 0 || name.compare(name.size() - 2, 2, "__") != 0)
                return true;
            if (allowed.count(name))
                return true;
            for (const char *op : ops)
                for (const char *prefix : { "", "r", "i" })
                    if (name == std::string("__") + prefix + op + "__")
                        return true;
            return false;
        };
        for (const auto &stmt : body) {
            if (stmt->kind == StmtKind::FunctionDef) {
                const auto &d = static_cast<const FunctionDefStmt &>(*stmt);
                if (!isAllowed(d.target->id))
                    fail(*stmt, "'" + d.target->id + "' is not supported in IPC Lab classes (see docs/language.md for the special methods they support)");
            } else if (stmt->kind == StmtKind::Assign) {
                for (const auto &t : static_cast<const AssignStmt &>(*stmt).targets)
                    if (t->kind == ExprKind::Name && !isAllowed(static_cast<const NameExpr &>(*t).id))
                        fail(*t, "'" + static_cast<const NameExpr &>(*t).id + "' is not supported in IPC Lab classes");
            }
        }
    }

    void resolveClass(Scope &outer, ClassDefStmt &c)
    {
        for (auto &d : c.decorators)
            resolveExpr(outer, d.get());
        for (auto &b : c.bases) {
            resolveExpr(outer, b.get());
            // class MyList(list): a built-in type IPC Lab can't derive from is refused here, not
            // when the class statement runs (the check must accept only what runs).
            if (b->kind == ExprKind::Name) {
                const auto &n = static_cast<const NameExpr &>(*b);
                if (n.scope == NameScope::Global && n.builtin && n.builtin->isKind(ObjKind::Type)) {
                    const auto *t = n.builtin->as<TypeObject>();
                    if (t != types().object && !t->isSubtypeOf(types().BaseException) && !t->subclassable)
                        fail(*b,
                            "IPC Lab classes can't derive from the built-in type '" + t->name + "': derive from object and keep a " + t->name
                                + " in an attribute");
                }
            }
        }
        FunctionInfo &body = *c.body;
        body.qualname = qualifiedName(outer, body.name);
        checkClassBody(body.body);
        Scope inner;
        inner.function = &body;
        inner.parent = &outer;
        inner.isClass = true;
        inner.mangleAs = body.name.substr(std::min(body.name.find_first_not_of('_'), body.name.size()));
        collectBlock(inner, body.body);
        resolveBlock(inner, body.body);
        finish(inner);
        resolveName(outer, *c.target);
    }

    void finish(Scope &s)
    {
        for (NameExpr *n : s.slotNames)
            if (s.cells.count(n->index))
                n->scope = NameScope::Cell;
        s.function->cellSlots.assign(s.cells.begin(), s.cells.end());
        std::sort(s.function->cellSlots.begin(), s.function->cellSlots.end());
    }

    void resolveBlock(Scope &s, Block &block)
    {
        for (auto &stmt : block)
            resolveStmt(s, *stmt);
    }

    void checkImport(const std::string &module, const Node &where)
    {
        if (!m_catalog.hasModule(module))
            fail(where, "unknown module '" + module + "': IPC Lab scenarios can import " + m_catalog.availableModules);
    }

    void resolveStmt(Scope &s, Stmt &stmt)
    {
        switch (stmt.kind) {
        case StmtKind::Expr:
            resolveExpr(s, static_cast<ExprStmt &>(stmt).value.get());
            break;
        case StmtKind::Assign: {
            auto &a = static_cast<AssignStmt &>(stmt);
            resolveExpr(s, a.value.get());
            for (auto &t : a.targets)
                resolveExpr(s, t.get());
            break;
        }
        case StmtKind::AugAssign: {
            auto &a = static_cast<AugAssignStmt &>(stmt);
            resolveExpr(s, a.value.get());
            resolveExpr(s, a.target.get());
            break;
        }
        case StmtKind::If: {
            auto &i = static_cast<IfStmt &>(stmt);
            resolveExpr(s, i.test.get());
            resolveBlock(s, i.body);
            resolveBlock(s, i.orelse);
            break;
        }
        case StmtKind::While: {
            auto &w = static_cast<WhileStmt &>(stmt);
            resolveExpr(s, w.test.get());
            resolveBlock(s, w.body);
            resolveBlock(s, w.orelse);
            break;
        }
        case StmtKind::For: {
            auto &f = static_cast<ForStmt &>(stmt);
            resolveExpr(s, f.iter.get());
            resolveExpr(s, f.target.get());
            resolveBlock(s, f.body);
            resolveBlock(s, f.orelse);
            break;
        }
        case StmtKind::Return:
            resolveExpr(s, static_cast<ReturnStmt &>(stmt).value.get());
            break;
        case StmtKind::ClassDef:
            resolveClass(s, static_cast<ClassDefStmt &>(stmt));
            break;
        case StmtKind::FunctionDef: {
            auto &d = static_cast<FunctionDefStmt &>(stmt);
            for (auto &dec : d.decorators)
                resolveExpr(s, dec.get());
            resolveFunction(s, *d.function);
            resolveName(s, *d.target);
            break;
        }
        case StmtKind::Try: {
            auto &t = static_cast<TryStmt &>(stmt);
            resolveBlock(s, t.body);
            for (auto &h : t.handlers) {
                resolveExpr(s, h.type.get());
                if (h.name)
                    resolveName(s, *h.name);
                resolveBlock(s, h.body);
            }
            resolveBlock(s, t.orelse);
            resolveBlock(s, t.finalbody);
            break;
        }
        case StmtKind::Raise: {
            auto &r = static_cast<RaiseStmt &>(stmt);
            resolveExpr(s, r.exception.get());
            resolveExpr(s, r.cause.get());
            break;
        }
        case StmtKind::With: {
            auto &w = static_cast<WithStmt &>(stmt);
            for (auto &item : w.items) {
                resolveExpr(s, item.context.get());
                resolveExpr(s, item.target.get());
            }
            resolveBlock(s, w.body);
            break;
        }
        case StmtKind::Assert: {
            auto &a = static_cast<AssertStmt &>(stmt);
            resolveExpr(s, a.test.get());
            resolveExpr(s, a.message.get());
            break;
        }
        case StmtKind::Delete:
            for (auto &t : static_cast<DeleteStmt &>(stmt).targets)
                resolveExpr(s, t.get());
            break;
        case StmtKind::Import:
            for (auto &a : static_cast<ImportStmt &>(stmt).names) {
                checkImport(a.name, a);
                if (a.asname.empty() && a.name.find('.') != std::string::npos)
                    checkImport(a.name.substr(0, a.name.find('.')), a);
                resolveName(s, *a.target);
            }
            break;
        case StmtKind::ImportFrom: {
            auto &f = static_cast<ImportFromStmt &>(stmt);
            checkImport(f.module, stmt);
            for (auto &a : f.names) {
                if (!m_catalog.hasName(f.module, a.name) && !m_catalog.hasModule(f.module + "." + a.name))
                    fail(a, "cannot import name '" + a.name + "' from '" + f.module + "': IPC Lab's " + f.module + " does not provide it");
                resolveName(s, *a.target);
            }
            break;
        }
        case StmtKind::Nonlocal:
            for (const auto &name : static_cast<NamesStmt &>(stmt).names)
                if (findFree(s, name) < 0)
                    fail(stmt, "no binding for nonlocal '" + name + "' found");
            break;
        case StmtKind::Global:
        case StmtKind::Break:
        case StmtKind::Continue:
        case StmtKind::Pass:
            break;
        }
    }

    Program &m_program;
    const ImportCatalog &m_catalog;
    std::unordered_map<std::string, int> m_globalIndex;
};

} // namespace

void resolveProgram(Program &program, const ImportCatalog &catalog)
{
    Resolver(program, catalog).run();
}

} // namespace ipclab::lang
