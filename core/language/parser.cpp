#include "parser.h"

#include "builtins.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace ipclab::lang {

namespace {

const std::unordered_set<std::string_view> &keywords()
{
    static const std::unordered_set<std::string_view> k = { "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
        "raise", "return", "try", "while", "with", "yield" };
    return k;
}

template <typename T> std::unique_ptr<T> node(const Token &t)
{
    auto n = std::make_unique<T>();
    n->line = t.line;
    n->column = t.column;
    return n;
}

class Parser {
public:
    Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    Block parseModule()
    {
        Block body;
        while (!at(TokenKind::End))
            parseStatement(body);
        return body;
    }

    ExprPtr parseStandaloneExpression()
    {
        ExprPtr e = parseTestListStarred();
        while (at(TokenKind::Newline))
            next();
        if (!at(TokenKind::End))
            fail(peek(), "f-string: expecting '}'");
        return e;
    }

private:
    // --- token helpers
    const Token &peek(std::size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    const Token &next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }
    bool at(TokenKind k) const { return peek().kind == k; }
    bool atOp(const char *op) const { return peek().kind == TokenKind::Op && peek().text == op; }
    bool atKeyword(const char *kw) const { return peek().kind == TokenKind::Name && peek().text == kw; }
    bool acceptOp(const char *op)
    {
        if (!atOp(op))
            return false;
        next();
        return true;
    }
    bool acceptKeyword(const char *kw)
    {
        if (!atKeyword(kw))
            return false;
        next();
        return true;
    }
    [[noreturn]] void fail(const Token &t, std::string message) { throw SyntaxIssue { t.line, t.column, std::move(message) }; }
    std::string describe(const Token &t) const
    {
        switch (t.kind) {
        case TokenKind::Newline:
            return "end of line";
        case TokenKind::Indent:
            return "an indented block";
        case TokenKind::Dedent:
            return "the end of the block";
        case TokenKind::End:
            return "end of file";
        case TokenKind::String:
            return "a string";
        case TokenKind::Int:
        case TokenKind::Float:
            return "'" + t.text + "'";
        default:
            return "'" + t.text + "'";
        }
    }
    void expectOp(const char *op)
    {
        if (!acceptOp(op))
            fail(peek(), std::string("expected '") + op + "', found " + describe(peek()));
    }
    void expectKeyword(const char *kw)
    {
        if (!acceptKeyword(kw))
            fail(peek(), std::string("expected '") + kw + "', found " + describe(peek()));
    }
    void expectNewline()
    {
        if (at(TokenKind::Newline)) {
            next();
            return;
        }
        if (at(TokenKind::End))
            return;
        fail(peek(), "invalid syntax: expected end of line, found " + describe(peek()));
    }
    std::string expectName(const char *what)
    {
        const Token &t = peek();
        if (t.kind != TokenKind::Name || keywords().count(t.text))
            fail(t, std::string("expected ") + what + ", found " + describe(t));
        next();
        return t.text;
    }

    void rejectUnsupported(const Token &t)
    {
        if (t.kind != TokenKind::Name)
            return;
        if (t.text == "async" || t.text == "await")
            fail(t, "'" + t.text + "' is not supported by IPC Lab scenarios");
        if (t.text == "match" && peek(1).kind != TokenKind::Op) {
            // `match x:` as a statement; `match = 1` and `match(...)` stay names.
            for (std::size_t i = 1; peek(i).kind != TokenKind::Newline && peek(i).kind != TokenKind::End; ++i)
                if (peek(i).kind == TokenKind::Op && peek(i).text == ":" && (peek(i + 1).kind == TokenKind::Newline))
                    fail(t, "'match' statements are not supported by IPC Lab scenarios");
        }
    }

    // --- statements
    void parseStatement(Block &out)
    {
        DepthGuard depth(*this, peek());
        const Token &t = peek();
        rejectUnsupported(t);
        if (t.kind == TokenKind::Indent)
            fail(t, "unexpected indent");
        if (t.kind == TokenKind::Name) {
            if (t.text == "if")
                return out.push_back(parseIf());
            if (t.text == "while")
                return out.push_back(parseWhile());
            if (t.text == "for")
                return out.push_back(parseFor());
            if (t.text == "try")
                return out.push_back(parseTry());
            if (t.text == "with")
                return out.push_back(parseWith());
            if (t.text == "def")
                return out.push_back(parseDef());
            if (t.text == "class")
                return out.push_back(parseClass());
        }
        if (t.kind == TokenKind::Op && t.text == "@")
            return out.push_back(parseDecorated());
        parseSimpleStatements(out);
    }

    // @decorator lines, then the def or class they apply to.
    StmtPtr parseDecorated()
    {
        std::vector<ExprPtr> decorators;
        while (acceptOp("@")) {
            decorators.push_back(parseNamedTest());
            expectNewline();
        }
        rejectUnsupported(peek());
        if (atKeyword("def")) {
            auto s = parseDef();
            static_cast<FunctionDefStmt &>(*s).decorators = std::move(decorators);
            return s;
        }
        if (atKeyword("class")) {
            auto s = parseClass();
            static_cast<ClassDefStmt &>(*s).decorators = std::move(decorators);
            return s;
        }
        fail(peek(), "invalid syntax: a decorator must be followed by 'def' or 'class', found " + describe(peek()));
    }

    StmtPtr parseClass()
    {
        const Token &classTok = next();
        auto s = node<ClassDefStmt>(classTok);
        const Token &nameTok = peek();
        s->name = expectName("a class name");
        s->target = node<NameExpr>(nameTok);
        s->target->id = s->name;
        if (acceptOp("(")) {
            while (!atOp(")")) {
                const Token &a = peek();
                if (atOp("*") || atOp("**"))
                    fail(a, "'" + a.text + "' in the bases of a class is not supported by IPC Lab scenarios");
                if (a.kind == TokenKind::Name && peek(1).kind == TokenKind::Op && peek(1).text == "=") {
                    if (a.text == "metaclass")
                        fail(a, "metaclasses are not supported by IPC Lab scenarios");
                    fail(a, "class keyword arguments ('" + a.text + "=') are not supported by IPC Lab scenarios");
                }
                s->bases.push_back(parseTest());
                if (!acceptOp(","))
                    break;
            }
            expectOp(")");
        }
        auto body = std::make_unique<FunctionInfo>();
        body->name = s->name;
        body->line = classTok.line;
        body->column = classTok.column;
        // A class body is not a function ('return' there is an error) and not inside a loop.
        const int savedLoop = m_loopDepth, savedFunction = m_functionDepth;
        m_loopDepth = 0;
        m_functionDepth = 0;
        body->body = parseSuite();
        m_loopDepth = savedLoop;
        m_functionDepth = savedFunction;
        s->body = std::move(body);
        return s;
    }

    void parseSimpleStatements(Block &out)
    {
        while (true) {
            out.push_back(parseSmallStatement());
            if (!acceptOp(";"))
                break;
            if (at(TokenKind::Newline) || at(TokenKind::End))
                break;
        }
        expectNewline();
    }

    Block parseSuite()
    {
        expectOp(":");
        Block body;
        if (!at(TokenKind::Newline)) {
            parseSimpleStatements(body);
            return body;
        }
        next();
        if (!at(TokenKind::Indent))
            fail(peek(), "expected an indented block");
        next();
        while (!at(TokenKind::Dedent) && !at(TokenKind::End))
            parseStatement(body);
        if (at(TokenKind::Dedent))
            next();
        return body;
    }

    Block parseLoopSuite()
    {
        ++m_loopDepth;
        Block b = parseSuite();
        --m_loopDepth;
        return b;
    }

    StmtPtr parseIf()
    {
        DepthGuard depth(*this, peek());
        auto s = node<IfStmt>(next());
        s->test = parseNamedTest();
        s->body = parseSuite();
        if (atKeyword("elif")) {
            const Token &elifTok = peek();
            auto inner = parseIf(); // consumes 'elif' like 'if'
            inner->line = elifTok.line;
            s->orelse.push_back(std::move(inner));
        } else if (acceptKeyword("else")) {
            s->orelse = parseSuite();
        }
        return s;
    }

    StmtPtr parseWhile()
    {
        auto s = node<WhileStmt>(next());
        s->test = parseNamedTest();
        s->body = parseLoopSuite();
        if (acceptKeyword("else"))
            s->orelse = parseSuite();
        return s;
    }

    StmtPtr parseFor()
    {
        auto s = node<ForStmt>(next());
        s->target = parseTargetList();
        expectKeyword("in");
        s->iter = parseTestListStarred();
        s->body = parseLoopSuite();
        if (acceptKeyword("else"))
            s->orelse = parseSuite();
        return s;
    }

    StmtPtr parseTry()
    {
        auto s = node<TryStmt>(next());
        s->body = parseSuite();
        while (atKeyword("except")) {
            const Token &t = next();
            if (atOp("*"))
                fail(peek(), "'except*' (exception groups) is not supported by IPC Lab scenarios");
            ExceptHandler h;
            h.line = t.line;
            h.column = t.column;
            if (!atOp(":")) {
                h.type = parseTest();
                if (atOp(","))
                    fail(peek(), "multiple exception types must be parenthesized");
                if (acceptKeyword("as")) {
                    const Token &nameTok = peek();
                    h.name = node<NameExpr>(nameTok);
                    h.name->id = expectName("a name after 'as'");
                }
            }
            h.body = parseSuite();
            if (!h.type && atKeyword("except"))
                fail(t, "default 'except:' must be last");
            s->handlers.push_back(std::move(h));
        }
        if (acceptKeyword("else")) {
            if (s->handlers.empty())
                fail(peek(), "'else' after 'try' needs an 'except' clause");
            s->orelse = parseSuite();
        }
        if (acceptKeyword("finally"))
            s->finalbody = parseSuite();
        if (s->handlers.empty() && s->finalbody.empty())
            fail(peek(), "expected 'except' or 'finally' block");
        return s;
    }

    StmtPtr parseWith()
    {
        auto s = node<WithStmt>(next());
        const bool parenthesized = atOp("(") && false; // Python 3.10 form left out: ambiguous with tuples
        (void)parenthesized;
        do {
            WithItem item;
            item.context = parseTest();
            if (acceptKeyword("as"))
                item.target = toTarget(parseTargetAtom());
            s->items.push_back(std::move(item));
        } while (acceptOp(","));
        s->body = parseSuite();
        return s;
    }

    void parseParameters(FunctionInfo &f, const char *closer)
    {
        bool seenDefault = false, seenStar = false;
        std::unordered_set<std::string> names;
        while (!atOp(closer)) {
            const Token &t = peek();
            if (acceptOp("**")) {
                f.kwargs = expectName("a parameter name");
                if (!names.insert(f.kwargs).second)
                    fail(t, "duplicate argument '" + f.kwargs + "' in function definition");
                skipAnnotation(closer);
                acceptOp(",");
                if (!atOp(closer))
                    fail(peek(), "arguments cannot follow var-keyword argument");
                break;
            }
            if (acceptOp("*")) {
                if (seenStar)
                    fail(t, "* argument may appear only once");
                seenStar = true;
                f.positionalCount = f.params.size();
                if (!atOp(",")) {
                    f.varargs = expectName("a parameter name");
                    if (!names.insert(f.varargs).second)
                        fail(t, "duplicate argument '" + f.varargs + "' in function definition");
                    skipAnnotation(closer);
                }
            } else if (acceptOp("/")) {
                // positional-only marker: accepted, treated like ordinary parameters
            } else {
                Parameter p;
                p.line = t.line;
                p.column = t.column;
                p.name = expectName("a parameter name");
                if (!names.insert(p.name).second)
                    fail(t, "duplicate argument '" + p.name + "' in function definition");
                skipAnnotation(closer);
                if (acceptOp("=")) {
                    p.defaultValue = parseTest();
                    seenDefault = true;
                } else if (seenDefault && !seenStar) {
                    fail(t, "non-default argument follows default argument");
                }
                f.params.push_back(std::move(p));
            }
            if (!acceptOp(","))
                break;
        }
        if (!seenStar)
            f.positionalCount = f.params.size();
    }

    void skipAnnotation(const char *closer)
    {
        // Lambdas can't have annotations (closer ':'), defs can: ignored, as Python ignores them at run time.
        if (std::strcmp(closer, ")") == 0 && acceptOp(":"))
            parseTest();
    }

    StmtPtr parseDef()
    {
        const Token &defTok = next();
        auto s = node<FunctionDefStmt>(defTok);
        auto f = std::make_unique<FunctionInfo>();
        const Token &nameTok = peek();
        f->name = expectName("a function name");
        f->line = defTok.line;
        f->column = defTok.column;
        s->target = node<NameExpr>(nameTok);
        s->target->id = f->name;
        expectOp("(");
        parseParameters(*f, ")");
        expectOp(")");
        if (acceptOp("->"))
            parseTest();
        const int savedLoop = m_loopDepth;
        m_loopDepth = 0;
        ++m_functionDepth;
        m_functions.push_back(f.get());
        f->body = parseSuite();
        m_functions.pop_back();
        --m_functionDepth;
        m_loopDepth = savedLoop;
        s->function = std::move(f);
        return s;
    }

    /// `yield [value]` or `yield from iterable`, where the parser allows it (a statement, the
    /// right side of `=`): the function it is in becomes a generator.
    ExprPtr parseYield()
    {
        const Token &t = next();
        if (m_functionDepth == 0 || m_functions.empty())
            fail(t, "'yield' outside function");
        m_functions.back()->isGenerator = true;
        auto y = node<YieldExpr>(t);
        if (acceptKeyword("from")) {
            y->from = true;
            y->value = parseTest();
        } else if (!atStatementEnd()) {
            y->value = parseTestListStarred();
        }
        return y;
    }

    StmtPtr parseSmallStatement()
    {
        const Token &t = peek();
        rejectUnsupported(t);
        if (t.kind == TokenKind::Name) {
            if (t.text == "pass") {
                next();
                return node<SimpleStmt>(t);
            }
            if (t.text == "break" || t.text == "continue") {
                next();
                if (m_loopDepth == 0)
                    fail(t, "'" + t.text + "' outside loop");
                auto s = std::make_unique<SimpleStmt>(t.text == "break" ? StmtKind::Break : StmtKind::Continue);
                s->line = t.line;
                s->column = t.column;
                return s;
            }
            if (t.text == "return") {
                next();
                if (m_functionDepth == 0)
                    fail(t, "'return' outside function");
                auto s = node<ReturnStmt>(t);
                if (!atStatementEnd())
                    s->value = parseTestListStarred();
                return s;
            }
            if (t.text == "raise") {
                next();
                auto s = node<RaiseStmt>(t);
                if (!atStatementEnd()) {
                    s->exception = parseTest();
                    if (acceptKeyword("from"))
                        s->cause = parseTest();
                }
                return s;
            }
            if (t.text == "global" || t.text == "nonlocal") {
                next();
                auto s = std::make_unique<NamesStmt>(t.text == "global" ? StmtKind::Global : StmtKind::Nonlocal);
                s->line = t.line;
                s->column = t.column;
                if (t.text == "nonlocal" && m_functionDepth == 0)
                    fail(t, "nonlocal declaration not allowed at module level");
                do
                    s->names.push_back(expectName("a name"));
                while (acceptOp(","));
                return s;
            }
            if (t.text == "del") {
                next();
                auto s = node<DeleteStmt>(t);
                do {
                    s->targets.push_back(toTarget(parseBitOr(), "delete"));
                } while (acceptOp(",") && !atStatementEnd());
                return s;
            }
            if (t.text == "assert") {
                next();
                auto s = node<AssertStmt>(t);
                s->test = parseTest();
                if (acceptOp(","))
                    s->message = parseTest();
                return s;
            }
            if (t.text == "import")
                return parseImport();
            if (t.text == "from")
                return parseFromImport();
            if (keywords().count(t.text) && t.text != "None" && t.text != "True" && t.text != "False" && t.text != "not" && t.text != "lambda"
                && t.text != "await" && t.text != "yield")
                fail(t, "invalid syntax: unexpected '" + t.text + "'");
        }
        return parseExpressionStatement();
    }

    bool atStatementEnd() const { return at(TokenKind::Newline) || at(TokenKind::End) || atOp(";"); }

    StmtPtr parseImport()
    {
        auto s = node<ImportStmt>(next());
        do {
            ImportAlias a;
            const Token &t = peek();
            a.line = t.line;
            a.column = t.column;
            a.name = parseDottedName();
            if (acceptKeyword("as"))
                a.asname = expectName("a name after 'as'");
            a.target = node<NameExpr>(t);
            a.target->id = !a.asname.empty() ? a.asname : a.name.substr(0, a.name.find('.'));
            s->names.push_back(std::move(a));
        } while (acceptOp(","));
        return s;
    }

    StmtPtr parseFromImport()
    {
        auto s = node<ImportFromStmt>(next());
        if (atOp("."))
            fail(peek(), "relative imports are not supported by IPC Lab scenarios");
        s->module = parseDottedName();
        expectKeyword("import");
        if (atOp("*"))
            fail(peek(), "'from " + s->module + " import *' is not supported: name what you import");
        const bool paren = acceptOp("(");
        do {
            if (paren && atOp(")"))
                break;
            ImportAlias a;
            const Token &t = peek();
            a.line = t.line;
            a.column = t.column;
            a.name = expectName("a name to import");
            if (acceptKeyword("as"))
                a.asname = expectName("a name after 'as'");
            a.target = node<NameExpr>(t);
            a.target->id = !a.asname.empty() ? a.asname : a.name;
            s->names.push_back(std::move(a));
        } while (acceptOp(","));
        if (paren)
            expectOp(")");
        return s;
    }

    std::string parseDottedName()
    {
        std::string name = expectName("a module name");
        while (acceptOp("."))
            name += "." + expectName("a module name");
        return name;
    }

    StmtPtr parseExpressionStatement()
    {
        const Token &start = peek();
        if (atKeyword("yield")) {
            auto s = node<ExprStmt>(start);
            s->value = parseYield();
            return s;
        }
        ExprPtr first = parseTestListStarred();
        if (atOp(":")) {
            // Annotated assignment `x: int = 5`: the annotation is ignored, as at run time in Python.
            next();
            parseTest();
            if (!acceptOp("="))
                return node<SimpleStmt>(start); // a bare annotation does nothing at run time
            auto s = node<AssignStmt>(start);
            s->targets.push_back(toTarget(std::move(first)));
            s->value = parseTestListStarred();
            return s;
        }
        if (peek().kind == TokenKind::Op && peek().text.size() >= 2 && peek().text.back() == '=' && peek().text != "==" && peek().text != "<="
            && peek().text != ">=" && peek().text != "!=") {
            const Token &opTok = next();
            auto s = node<AugAssignStmt>(start);
            static const std::pair<const char *, BinOp> ops[] = { { "+=", BinOp::Add }, { "-=", BinOp::Sub }, { "*=", BinOp::Mul }, { "/=", BinOp::Div },
                { "//=", BinOp::FloorDiv }, { "%=", BinOp::Mod }, { "**=", BinOp::Pow }, { "<<=", BinOp::LShift }, { ">>=", BinOp::RShift },
                { "&=", BinOp::BitAnd }, { "|=", BinOp::BitOr }, { "^=", BinOp::BitXor }, { "@=", BinOp::MatMul } };
            for (const auto &[text, op] : ops)
                if (opTok.text == text)
                    s->op = op;
            if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript)
                fail(start, "'" + describeExpr(*first) + "' is an illegal expression for augmented assignment");
            s->target = std::move(first);
            s->value = parseTestListStarred();
            return s;
        }
        if (atOp("=")) {
            auto s = node<AssignStmt>(start);
            std::vector<ExprPtr> chain;
            chain.push_back(std::move(first));
            while (acceptOp("="))
                chain.push_back(atKeyword("yield") ? parseYield() : parseTestListStarred());
            if (chain.back()->kind == ExprKind::Yield && atOp("="))
                fail(peek(), "assignment to yield expression not possible");
            s->value = std::move(chain.back());
            chain.pop_back();
            for (auto &target : chain)
                s->targets.push_back(toTarget(std::move(target)));
            return s;
        }
        if (atOp(":="))
            fail(peek(), "the walrus operator ':=' is not supported by IPC Lab scenarios");
        auto s = node<ExprStmt>(start);
        s->value = std::move(first);
        return s;
    }

    std::string describeExpr(const Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Call:
            return "function call";
        case ExprKind::Constant:
            return "literal";
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::BoolOp:
            return "expression";
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::Comprehension:
            return "comprehension";
        case ExprKind::FString:
            return "f-string expression";
        case ExprKind::Tuple:
            return "tuple";
        default:
            return "expression";
        }
    }

    ExprPtr toTarget(ExprPtr e, const char *verb = "assign to")
    {
        switch (e->kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript:
            return e;
        case ExprKind::Tuple:
        case ExprKind::List: {
            auto *seq = static_cast<SequenceExpr *>(e.get());
            int starred = 0;
            for (auto &el : seq->elements) {
                if (el->kind == ExprKind::Starred) {
                    if (std::strcmp(verb, "assign to") != 0)
                        break;
                    ++starred;
                    auto *st = static_cast<StarredExpr *>(el.get());
                    st->value = toTarget(std::move(st->value), verb);
                } else {
                    el = toTarget(std::move(el), verb);
                }
            }
            if (starred > 1)
                throw SyntaxIssue { e->line, e->column, "multiple starred expressions in assignment" };
            return e;
        }
        case ExprKind::Starred:
            throw SyntaxIssue { e->line, e->column, "starred assignment target must be in a list or tuple" };
        default:
            throw SyntaxIssue { e->line, e->column, std::string("cannot ") + verb + " " + describeExpr(*e) };
        }
    }

    // --- expressions
    ExprPtr parseTargetList()
    {
        const Token &start = peek();
        ExprPtr first = parseTargetAtom();
        if (!atOp(","))
            return toTarget(std::move(first));
        auto tuple = node<SequenceExpr>(start);
        tuple->kind = ExprKind::Tuple;
        tuple->elements.push_back(std::move(first));
        while (acceptOp(",")) {
            if (atKeyword("in") || atOp("="))
                break;
            tuple->elements.push_back(parseTargetAtom());
        }
        return toTarget(ExprPtr(tuple.release()));
    }

    ExprPtr parseTargetAtom()
    {
        if (atOp("*")) {
            auto s = node<StarredExpr>(next());
            s->value = parseBitOr();
            return s;
        }
        return parseBitOr();
    }

    ExprPtr parseTestListStarred()
    {
        const Token &start = peek();
        ExprPtr first = parseTestOrStar();
        if (!atOp(","))
            return first;
        auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple);
        tuple->line = start.line;
        tuple->column = start.column;
        tuple->hasStarred = first->kind == ExprKind::Starred;
        tuple->elements.push_back(std::move(first));
        while (acceptOp(",")) {
            if (atStatementEnd() || atOp("=") || atOp(")") || atOp(":")
                || (peek().kind == TokenKind::Op && peek().text.size() >= 2 && peek().text.back() == '=' && peek().text != "==" && peek().text != "<="
                    && peek().text != ">=" && peek().text != "!="))
                break;
            auto e = parseTestOrStar();
            tuple->hasStarred = tuple->hasStarred || e->kind == ExprKind::Starred;
            tuple->elements.push_back(std::move(e));
        }
        return tuple;
    }

    ExprPtr parseTestOrStar()
    {
        if (atOp("*")) {
            auto s = node<StarredExpr>(next());
            s->value = parseBitOr();
            return s;
        }
        return parseTest();
    }

    ExprPtr parseNamedTest()
    {
        ExprPtr e = parseTest();
        if (atOp(":="))
            fail(peek(), "the walrus operator ':=' is not supported by IPC Lab scenarios");
        return e;
    }

    // Deep nesting without brackets (`not not not ...`, `- - - x`, nested lambdas or
    // blocks) is bounded too, so the parser's own recursion can't overflow the stack.
    struct DepthGuard {
        DepthGuard(Parser &p, const Token &t)
            : parser(p)
        {
            if (++parser.m_nesting > 1000)
                parser.fail(t, "too many nested expressions or blocks");
        }
        ~DepthGuard() { --parser.m_nesting; }
        Parser &parser;
    };

    ExprPtr parseTest()
    {
        DepthGuard depth(*this, peek());
        if (atKeyword("lambda"))
            return parseLambda();
        if (atKeyword("yield"))
            fail(peek(), "'yield' inside an expression is not supported by IPC Lab scenarios: write it as a statement or as 'x = yield value'");
        if (atKeyword("await"))
            rejectUnsupported(peek());
        const Token &start = peek();
        ExprPtr e = parseOrTest();
        if (atKeyword("if")) {
            // Don't swallow a comprehension's `if` clause: that only follows a `for`,
            // which parseOrTest never consumes, so an `if` here is always a conditional.
            next();
            auto c = node<IfExpExpr>(start);
            c->body = std::move(e);
            c->test = parseOrTest();
            expectKeyword("else");
            c->orelse = parseTest();
            return c;
        }
        return e;
    }

    ExprPtr parseTestNoCond()
    {
        if (atKeyword("lambda"))
            return parseLambda();
        return parseOrTest();
    }

    ExprPtr parseLambda()
    {
        const Token &t = next();
        auto l = node<LambdaExpr>(t);
        auto f = std::make_unique<FunctionInfo>();
        f->name = "<lambda>";
        f->line = t.line;
        f->column = t.column;
        parseParameters(*f, ":");
        expectOp(":");
        const int savedLoop = m_loopDepth;
        m_loopDepth = 0;
        f->lambdaBody = parseTest();
        m_loopDepth = savedLoop;
        l->function = std::move(f);
        return l;
    }

    ExprPtr parseOrTest()
    {
        const Token &start = peek();
        ExprPtr e = parseAndTest();
        if (!atKeyword("or"))
            return e;
        auto b = node<BoolOpExpr>(start);
        b->isAnd = false;
        b->values.push_back(std::move(e));
        while (acceptKeyword("or"))
            b->values.push_back(parseAndTest());
        return b;
    }

    ExprPtr parseAndTest()
    {
        const Token &start = peek();
        ExprPtr e = parseNotTest();
        if (!atKeyword("and"))
            return e;
        auto b = node<BoolOpExpr>(start);
        b->isAnd = true;
        b->values.push_back(std::move(e));
        while (acceptKeyword("and"))
            b->values.push_back(parseNotTest());
        return b;
    }

    ExprPtr parseNotTest()
    {
        DepthGuard depth(*this, peek());
        if (atKeyword("not")) {
            auto u = node<UnaryOpExpr>(next());
            u->op = UnaryOp::Not;
            u->operand = parseNotTest();
            return u;
        }
        return parseComparison();
    }

    bool atComparison(CmpOp &op, int &width)
    {
        const Token &t = peek();
        width = 1;
        if (t.kind == TokenKind::Op) {
            static const std::pair<const char *, CmpOp> ops[]
                = { { "==", CmpOp::Eq }, { "!=", CmpOp::NotEq }, { "<", CmpOp::Lt }, { "<=", CmpOp::LtE }, { ">", CmpOp::Gt }, { ">=", CmpOp::GtE } };
            for (const auto &[text, o] : ops)
                if (t.text == text) {
                    op = o;
                    return true;
                }
            return false;
        }
        if (t.kind != TokenKind::Name)
            return false;
        if (t.text == "in") {
            op = CmpOp::In;
            return true;
        }
        if (t.text == "is") {
            if (peek(1).kind == TokenKind::Name && peek(1).text == "not") {
                op = CmpOp::IsNot;
                width = 2;
            } else {
                op = CmpOp::Is;
            }
            return true;
        }
        if (t.text == "not" && peek(1).kind == TokenKind::Name && peek(1).text == "in") {
            op = CmpOp::NotIn;
            width = 2;
            return true;
        }
        return false;
    }

    ExprPtr parseComparison()
    {
        const Token &start = peek();
        ExprPtr e = parseBitOr();
        CmpOp op;
        int width;
        if (!atComparison(op, width))
            return e;
        auto c = node<CompareExpr>(start);
        c->left = std::move(e);
        int links = 0;
        while (atComparison(op, width)) {
            countChain(links, peek());
            for (int i = 0; i < width; ++i)
                next();
            c->ops.push_back(op);
            c->comparators.push_back(parseBitOr());
        }
        return c;
    }

    // A long operator chain builds a deep tree that every later pass walks recursively.
    void countChain(int &links, const Token &at)
    {
        if (++links > 1000)
            fail(at, "expression too long: more than 1000 operators in a row; split it into several statements");
    }

    ExprPtr binary(ExprPtr left, BinOp op, ExprPtr right, const Token &at)
    {
        auto b = node<BinOpExpr>(at);
        b->line = left->line;
        b->column = left->column;
        b->op = op;
        b->left = std::move(left);
        b->right = std::move(right);
        return b;
    }

    ExprPtr parseBitOr()
    {
        int links = 0;
        ExprPtr e = parseBitXor();
        while (atOp("|")) {
            const Token &t = next();
            countChain(links, t);
            e = binary(std::move(e), BinOp::BitOr, parseBitXor(), t);
        }
        return e;
    }
    ExprPtr parseBitXor()
    {
        int links = 0;
        ExprPtr e = parseBitAnd();
        while (atOp("^")) {
            const Token &t = next();
            countChain(links, t);
            e = binary(std::move(e), BinOp::BitXor, parseBitAnd(), t);
        }
        return e;
    }
    ExprPtr parseBitAnd()
    {
        int links = 0;
        ExprPtr e = parseShift();
        while (atOp("&")) {
            const Token &t = next();
            countChain(links, t);
            e = binary(std::move(e), BinOp::BitAnd, parseShift(), t);
        }
        return e;
    }
    ExprPtr parseShift()
    {
        int links = 0;
        ExprPtr e = parseArith();
        while (atOp("<<") || atOp(">>")) {
            const Token &t = next();
            countChain(links, t);
            e = binary(std::move(e), t.text == "<<" ? BinOp::LShift : BinOp::RShift, parseArith(), t);
        }
        return e;
    }
    ExprPtr parseArith()
    {
        int links = 0;
        ExprPtr e = parseTerm();
        while (atOp("+") || atOp("-")) {
            const Token &t = next();
            countChain(links, t);
            e = binary(std::move(e), t.text == "+" ? BinOp::Add : BinOp::Sub, parseTerm(), t);
        }
        return e;
    }
    ExprPtr parseTerm()
    {
        int links = 0;
        ExprPtr e = parseFactor();
        while (atOp("*") || atOp("/") || atOp("//") || atOp("%") || atOp("@")) {
            const Token &t = next();
            countChain(links, t);
            const BinOp op = t.text == "*" ? BinOp::Mul
                : t.text == "/"            ? BinOp::Div
                : t.text == "//"           ? BinOp::FloorDiv
                : t.text == "%"            ? BinOp::Mod
                                           : BinOp::MatMul;
            e = binary(std::move(e), op, parseFactor(), t);
        }
        return e;
    }
    ExprPtr parseFactor()
    {
        DepthGuard depth(*this, peek());
        if (atOp("-") || atOp("+") || atOp("~")) {
            const Token &t = next();
            ExprPtr operand = parseFactor();
            // Fold negative literals so -9223372036854775807 - 1 and -5 stay cheap constants.
            if (t.text == "-" && operand->kind == ExprKind::Constant) {
                auto *c = static_cast<ConstantExpr *>(operand.get());
                if (c->value.isInt() || c->value.isFloat()) {
                    c->value = unaryOp(UnaryOp::Neg, c->value);
                    c->line = t.line;
                    c->column = t.column;
                    return operand;
                }
            }
            auto u = node<UnaryOpExpr>(t);
            u->op = t.text == "-" ? UnaryOp::Neg : t.text == "+" ? UnaryOp::Pos : UnaryOp::Invert;
            u->operand = std::move(operand);
            return u;
        }
        return parsePower();
    }
    ExprPtr parsePower()
    {
        ExprPtr e = parseAtomExpr();
        if (atOp("**")) {
            const Token &t = next();
            return binary(std::move(e), BinOp::Pow, parseFactor(), t);
        }
        return e;
    }

    ExprPtr parseAtomExpr()
    {
        if (atKeyword("await"))
            rejectUnsupported(peek());
        ExprPtr e = parseAtom();
        int links = 0;
        while (true) {
            if (atOp("(") || atOp("[") || atOp("."))
                countChain(links, peek());
            if (atOp("(")) {
                const Token &t = next();
                e = parseCall(std::move(e), t);
            } else if (atOp("[")) {
                const Token &t = next();
                auto s = node<SubscriptExpr>(t);
                s->line = e->line;
                s->column = e->column;
                s->object = std::move(e);
                s->index = parseSubscriptList();
                expectOp("]");
                e = std::move(s);
            } else if (atOp(".")) {
                const Token &t = next();
                auto a = node<AttributeExpr>(t);
                a->line = e->line;
                a->column = e->column;
                a->object = std::move(e);
                a->attr = expectName("an attribute name");
                e = std::move(a);
            } else {
                return e;
            }
        }
    }

    ExprPtr parseSubscriptList()
    {
        const Token &start = peek();
        ExprPtr first = parseSubscript();
        if (!atOp(","))
            return first;
        auto tuple = node<SequenceExpr>(start);
        tuple->kind = ExprKind::Tuple;
        tuple->elements.push_back(std::move(first));
        while (acceptOp(",") && !atOp("]"))
            tuple->elements.push_back(parseSubscript());
        return tuple;
    }

    ExprPtr parseSubscript()
    {
        const Token &start = peek();
        ExprPtr lower;
        if (!atOp(":"))
            lower = parseTest();
        if (!atOp(":"))
            return lower;
        next();
        auto s = node<SliceExpr>(start);
        s->lower = std::move(lower);
        if (!atOp(":") && !atOp("]") && !atOp(","))
            s->upper = parseTest();
        if (acceptOp(":") && !atOp("]") && !atOp(","))
            s->step = parseTest();
        return s;
    }

    ExprPtr parseCall(ExprPtr func, const Token &open)
    {
        auto c = node<CallExpr>(open);
        c->line = func->line;
        c->column = func->column;
        c->func = std::move(func);
        bool seenKeyword = false;
        while (!atOp(")")) {
            const Token &t = peek();
            if (acceptOp("**")) {
                Keyword k;
                k.line = t.line;
                k.column = t.column;
                k.value = parseTest();
                c->keywords.push_back(std::move(k));
                seenKeyword = true;
                c->simple = false;
            } else if (acceptOp("*")) {
                auto s = node<StarredExpr>(t);
                s->value = parseTest();
                c->args.push_back(std::move(s));
                c->simple = false;
            } else if (t.kind == TokenKind::Name && peek(1).kind == TokenKind::Op && peek(1).text == "=") {
                Keyword k;
                k.line = t.line;
                k.column = t.column;
                k.name = expectName("a keyword argument name");
                next();
                k.value = parseTest();
                for (const auto &other : c->keywords)
                    if (other.name == k.name)
                        fail(t, "keyword argument repeated: " + k.name);
                c->keywords.push_back(std::move(k));
                seenKeyword = true;
                c->simple = false;
            } else {
                ExprPtr arg = parseTest();
                if (atKeyword("for")) {
                    arg = parseComprehension(ComprehensionExpr::Result::Generator, std::move(arg), nullptr, t);
                    if (!c->args.empty() || atOp(","))
                        if (!(atOp(",") && peek(1).kind == TokenKind::Op && peek(1).text == ")" && c->args.empty()))
                            fail(t, "Generator expression must be parenthesized");
                }
                if (seenKeyword)
                    fail(t, "positional argument follows keyword argument");
                c->args.push_back(std::move(arg));
            }
            if (!acceptOp(","))
                break;
        }
        expectOp(")");
        return c;
    }

    ExprPtr parseComprehension(ComprehensionExpr::Result result, ExprPtr element, ExprPtr value, const Token &start)
    {
        auto c = node<ComprehensionExpr>(start);
        c->result = result;
        c->element = std::move(element);
        c->value = std::move(value);
        while (atKeyword("for")) {
            if (atKeyword("async"))
                rejectUnsupported(peek());
            next();
            ComprehensionClause clause;
            clause.target = parseTargetList();
            expectKeyword("in");
            clause.iter = parseOrTest();
            while (atKeyword("if")) {
                next();
                clause.ifs.push_back(parseTestNoCond());
            }
            c->clauses.push_back(std::move(clause));
        }
        if (result == ComprehensionExpr::Result::Generator)
            return lazyGenerator(std::move(c), start);
        return c;
    }

    /// A generator expression is a generator function called at once, as CPython compiles
    /// it: `(e for x in it if c)` is `<genexpr>(iter(it))` with the body
    /// `for x in .0: if c: yield e`, so its items are computed as they are asked for.
    ExprPtr lazyGenerator(std::unique_ptr<ComprehensionExpr> c, const Token &start)
    {
        auto f = std::make_unique<FunctionInfo>();
        f->name = "<genexpr>";
        f->line = start.line;
        f->column = start.column;
        f->isGenerator = true;
        Parameter source;
        source.line = start.line;
        source.column = start.column;
        source.name = ".0";
        f->params.push_back(std::move(source));
        f->positionalCount = 1;
        ExprPtr first = std::move(c->clauses[0].iter);
        auto yield = node<YieldExpr>(start);
        yield->value = std::move(c->element);
        auto yieldStmt = node<ExprStmt>(start);
        yieldStmt->value = std::move(yield);
        StmtPtr body = std::move(yieldStmt);
        for (std::size_t i = c->clauses.size(); i-- > 0;) {
            auto &clause = c->clauses[i];
            for (std::size_t j = clause.ifs.size(); j-- > 0;) {
                auto test = node<IfStmt>(start);
                test->test = std::move(clause.ifs[j]);
                test->body.push_back(std::move(body));
                body = std::move(test);
            }
            auto loop = node<ForStmt>(start);
            loop->target = std::move(clause.target);
            if (i == 0) {
                auto name = node<NameExpr>(start);
                name->id = ".0";
                loop->iter = std::move(name);
            } else {
                loop->iter = std::move(clause.iter);
            }
            loop->body.push_back(std::move(body));
            body = std::move(loop);
        }
        f->body.push_back(std::move(body));
        auto function = node<LambdaExpr>(start);
        function->function = std::move(f);
        // iter(first iterable) now, in the enclosing scope: a non-iterable fails here, as in CPython.
        auto iterCall = node<CallExpr>(start);
        auto iterFn = node<ConstantExpr>(start);
        iterFn->value = *builtinValue("iter");
        iterCall->func = std::move(iterFn);
        iterCall->args.push_back(std::move(first));
        auto call = node<CallExpr>(start);
        call->func = std::move(function);
        call->args.push_back(std::move(iterCall));
        return call;
    }

    ExprPtr parseAtom()
    {
        const Token &t = peek();
        rejectUnsupported(t);
        switch (t.kind) {
        case TokenKind::Int: {
            next();
            auto c = node<ConstantExpr>(t);
            c->value = Value::integer(t.intValue);
            return c;
        }
        case TokenKind::Float: {
            next();
            auto c = node<ConstantExpr>(t);
            c->value = Value::real(t.floatValue);
            return c;
        }
        case TokenKind::String:
            return parseStrings();
        case TokenKind::Name: {
            if (t.text == "None" || t.text == "True" || t.text == "False") {
                next();
                auto c = node<ConstantExpr>(t);
                c->value = t.text == "None" ? Value::none() : Value::boolean(t.text == "True");
                return c;
            }
            if (keywords().count(t.text))
                fail(t, "invalid syntax: unexpected '" + t.text + "'");
            next();
            auto n = node<NameExpr>(t);
            n->id = t.text;
            return n;
        }
        case TokenKind::Op:
            if (t.text == "(")
                return parseParen();
            if (t.text == "[")
                return parseListDisplay();
            if (t.text == "{")
                return parseBraceDisplay();
            if (t.text == "...")
                fail(t, "'...' (Ellipsis) is not supported by IPC Lab scenarios: use 'pass'");
            if (t.text == ":=")
                fail(t, "the walrus operator ':=' is not supported by IPC Lab scenarios");
            fail(t, "invalid syntax: unexpected " + describe(t));
        case TokenKind::Newline:
        case TokenKind::End:
            fail(t, "invalid syntax: expected an expression, found " + describe(t));
        case TokenKind::Indent:
            fail(t, "unexpected indent");
        case TokenKind::Dedent:
            fail(t, "invalid syntax: expected an expression");
        }
        fail(t, "invalid syntax");
    }

    ExprPtr parseParen()
    {
        const Token &open = next();
        if (acceptOp(")")) {
            auto tuple = node<SequenceExpr>(open);
            tuple->kind = ExprKind::Tuple;
            return tuple;
        }
        if (atKeyword("yield"))
            fail(peek(), "'yield' inside an expression is not supported by IPC Lab scenarios: write it as a statement or as 'x = yield value'");
        ExprPtr first = parseTestOrStar();
        if (atKeyword("for")) {
            ExprPtr gen = parseComprehension(ComprehensionExpr::Result::Generator, std::move(first), nullptr, open);
            expectOp(")");
            return gen;
        }
        if (atOp(":="))
            fail(peek(), "the walrus operator ':=' is not supported by IPC Lab scenarios");
        if (acceptOp(")")) {
            if (first->kind == ExprKind::Starred)
                fail(open, "cannot use starred expression here");
            return first;
        }
        auto tuple = node<SequenceExpr>(open);
        tuple->kind = ExprKind::Tuple;
        tuple->hasStarred = first->kind == ExprKind::Starred;
        tuple->elements.push_back(std::move(first));
        while (acceptOp(",")) {
            if (atOp(")"))
                break;
            auto e = parseTestOrStar();
            tuple->hasStarred = tuple->hasStarred || e->kind == ExprKind::Starred;
            tuple->elements.push_back(std::move(e));
        }
        expectOp(")");
        return tuple;
    }

    ExprPtr parseListDisplay()
    {
        const Token &open = next();
        auto list = node<SequenceExpr>(open);
        list->kind = ExprKind::List;
        if (acceptOp("]"))
            return list;
        ExprPtr first = parseTestOrStar();
        if (atKeyword("for")) {
            ExprPtr comp = parseComprehension(ComprehensionExpr::Result::List, std::move(first), nullptr, open);
            expectOp("]");
            return comp;
        }
        list->hasStarred = first->kind == ExprKind::Starred;
        list->elements.push_back(std::move(first));
        while (acceptOp(",")) {
            if (atOp("]"))
                break;
            auto e = parseTestOrStar();
            list->hasStarred = list->hasStarred || e->kind == ExprKind::Starred;
            list->elements.push_back(std::move(e));
        }
        expectOp("]");
        return list;
    }

    ExprPtr parseBraceDisplay()
    {
        const Token &open = next();
        if (acceptOp("}"))
            return node<DictExpr>(open);
        if (atOp("**")) {
            auto d = node<DictExpr>(open);
            parseDictItems(*d);
            return d;
        }
        ExprPtr first = parseTestOrStar();
        if (acceptOp(":")) {
            ExprPtr value = parseTest();
            if (atKeyword("for")) {
                ExprPtr comp = parseComprehension(ComprehensionExpr::Result::Dict, std::move(first), std::move(value), open);
                expectOp("}");
                return comp;
            }
            auto d = node<DictExpr>(open);
            d->keys.push_back(std::move(first));
            d->values.push_back(std::move(value));
            if (acceptOp(","))
                parseDictItems(*d);
            else
                expectOp("}");
            return d;
        }
        if (atKeyword("for")) {
            ExprPtr comp = parseComprehension(ComprehensionExpr::Result::Set, std::move(first), nullptr, open);
            expectOp("}");
            return comp;
        }
        auto set = node<SequenceExpr>(open);
        set->kind = ExprKind::Set;
        set->hasStarred = first->kind == ExprKind::Starred;
        set->elements.push_back(std::move(first));
        while (acceptOp(",")) {
            if (atOp("}"))
                break;
            auto e = parseTestOrStar();
            set->hasStarred = set->hasStarred || e->kind == ExprKind::Starred;
            set->elements.push_back(std::move(e));
        }
        expectOp("}");
        return set;
    }

    void parseDictItems(DictExpr &d)
    {
        while (!atOp("}")) {
            if (acceptOp("**")) {
                d.keys.push_back(nullptr);
                d.values.push_back(parseBitOr());
            } else {
                d.keys.push_back(parseTest());
                expectOp(":");
                d.values.push_back(parseTest());
            }
            if (!acceptOp(","))
                break;
        }
        expectOp("}");
    }

    // Adjacent literals concatenate; any f-string among them makes the whole an f-string.
    ExprPtr parseStrings()
    {
        const Token &first = peek();
        bool anyF = false;
        const bool isBytes = first.isBytes;
        std::vector<const Token *> parts;
        while (at(TokenKind::String)) {
            const Token &t = next();
            if (t.isBytes != isBytes)
                fail(t, "cannot mix bytes and nonbytes literals");
            anyF = anyF || t.isFString;
            parts.push_back(&t);
        }
        if (!anyF) {
            std::string text;
            for (const Token *t : parts)
                text += t->text;
            auto c = node<ConstantExpr>(first);
            c->value = isBytes ? newBytes(std::move(text)) : newStr(std::move(text));
            return c;
        }
        auto f = node<FStringExpr>(first);
        for (const Token *t : parts) {
            if (!t->isFString)
                appendLiteral(*f, t->text, *t);
            else
                parseFStringBody(*f, t->text, t->isRaw, *t);
        }
        return f;
    }

    void appendLiteral(FStringExpr &f, const std::string &text, const Token &t)
    {
        if (text.empty())
            return;
        if (!f.parts.empty() && f.parts.back()->kind == ExprKind::Constant) {
            auto *c = static_cast<ConstantExpr *>(f.parts.back().get());
            c->value = newStr(c->value.as<StrObject>()->text + text);
            return;
        }
        auto c = node<ConstantExpr>(t);
        c->value = newStr(text);
        f.parts.push_back(std::move(c));
    }

    void parseFStringBody(FStringExpr &f, const std::string &body, bool raw, const Token &t)
    {
        std::string literal;
        auto flush = [&]() {
            appendLiteral(f, raw ? literal : decodeEscapes(literal, false, t.line, t.column), t);
            literal.clear();
        };
        for (std::size_t i = 0; i < body.size(); ++i) {
            const char c = body[i];
            if (c == '{' && i + 1 < body.size() && body[i + 1] == '{') {
                literal += '{';
                ++i;
                continue;
            }
            if (c == '}' && i + 1 < body.size() && body[i + 1] == '}') {
                literal += '}';
                ++i;
                continue;
            }
            if (c == '}')
                fail(t, "f-string: single '}' is not allowed");
            if (c != '{') {
                literal += c;
                continue;
            }
            flush();
            i = parseFStringField(f, body, i + 1, raw, t);
        }
        flush();
    }

    // Parses one {expr!c:spec} starting after '{'; returns the index of its closing '}'.
    std::size_t parseFStringField(FStringExpr &f, const std::string &body, std::size_t start, bool raw, const Token &t)
    {
        int depth = 0;
        char quote = 0;
        std::size_t i = start;
        std::size_t exprEnd = std::string::npos;
        for (; i < body.size(); ++i) {
            const char c = body[i];
            if (c == '\\')
                fail(t, "f-string expression part cannot include a backslash");
            if (quote) {
                if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                ++depth;
                continue;
            }
            if (depth > 0 && (c == ')' || c == ']' || c == '}')) {
                --depth;
                continue;
            }
            if (depth == 0 && (c == '}' || c == ':' || (c == '!' && (i + 1 >= body.size() || body[i + 1] != '=')))) {
                exprEnd = i;
                break;
            }
        }
        if (exprEnd == std::string::npos)
            fail(t, "f-string: expecting '}'");
        std::string exprText = body.substr(start, exprEnd - start);
        bool debug = false;
        {
            std::size_t e = exprText.find_last_not_of(" \t");
            if (e != std::string::npos && exprText[e] == '=' && e > 0 && std::strchr("=!<>", exprText[e - 1]) == nullptr) {
                debug = true;
                appendLiteral(f, exprText, t);
                exprText = exprText.substr(0, e);
            }
        }
        if (exprText.find_first_not_of(" \t\n") == std::string::npos)
            fail(t, "f-string: empty expression not allowed");
        auto fv = node<FormattedValueExpr>(t);
        fv->value = parseEmbedded(exprText, t);
        i = exprEnd;
        if (body[i] == '!') {
            if (i + 1 >= body.size() || std::strchr("rsa", body[i + 1]) == nullptr || body[i + 1] == '\0')
                fail(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            fv->conversion = body[i + 1];
            i += 2;
        } else if (debug) {
            fv->conversion = 'r';
        }
        if (i < body.size() && body[i] == ':') {
            auto spec = node<FStringExpr>(t);
            std::size_t j = i + 1;
            std::string literal;
            int nested = 0;
            for (; j < body.size(); ++j) {
                if (body[j] == '{') {
                    appendLiteral(*spec, raw ? literal : decodeEscapes(literal, false, t.line, t.column), t);
                    literal.clear();
                    j = parseFStringField(*spec, body, j + 1, raw, t);
                    ++nested;
                    continue;
                }
                if (body[j] == '}')
                    break;
                literal += body[j];
            }
            appendLiteral(*spec, raw ? literal : decodeEscapes(literal, false, t.line, t.column), t);
            if (debug && fv->conversion == 'r' && body[exprEnd] != '!')
                fv->conversion = 0; // f'{x=:>5}' formats x itself
            fv->spec = std::move(spec);
            i = j;
        }
        if (i >= body.size() || body[i] != '}')
            fail(t, "f-string: expecting '}'");
        f.parts.push_back(std::move(fv));
        return i;
    }

    ExprPtr parseEmbedded(const std::string &text, const Token &t)
    {
        std::vector<Token> tokens;
        try {
            tokens = tokenize("(" + text + ")");
        } catch (const SyntaxIssue &issue) {
            throw SyntaxIssue { t.line, t.column, "f-string: " + issue.message };
        }
        for (auto &tok : tokens) {
            tok.line = t.bodyLine + tok.line - 1;
            tok.column = t.column;
        }
        Parser sub(std::move(tokens));
        sub.m_functionDepth = m_functionDepth;
        return sub.parseStandaloneExpression();
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_loopDepth = 0;
    int m_functionDepth = 0;
    std::vector<FunctionInfo *> m_functions; // the defs being parsed, innermost last
    int m_nesting = 0;
};

} // namespace

std::unique_ptr<Program> parseProgram(std::string fileName, std::string source)
{
    auto program = std::make_unique<Program>();
    program->fileName = std::move(fileName);
    // Strip a UTF-8 byte order mark, as CPython does.
    if (source.rfind("\xEF\xBB\xBF", 0) == 0)
        source.erase(0, 3);
    program->source = std::move(source);
    std::size_t start = 0;
    while (start <= program->source.size()) {
        std::size_t end = program->source.find('\n', start);
        if (end == std::string::npos)
            end = program->source.size();
        std::string line = program->source.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        program->lines.push_back(std::move(line));
        start = end + 1;
    }
    Parser parser(tokenize(program->source));
    program->module.name = "<module>";
    program->module.body = parser.parseModule();
    return program;
}

} // namespace ipclab::lang
