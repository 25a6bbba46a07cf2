#pragma once
// The evaluator: walks the resolved syntax tree of one scenario in one
// process. Designed so the IPC runtime can slot in: native objects are
// OpaqueObjects, modules come from a registry, and an observer sees every
// statement before it runs (where a gate can pause a live run).

#include "ast.h"
#include "objects.h"
#include "pyrandom.h"
#include "trace.h"
#include "value_stack.h"

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ipclab::lang {

class ModuleRegistry;
struct GeneratorObject;

/// Where print() goes. The default writes to fd 1; a run can also keep a copy.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write(std::string_view text) = 0;
    virtual void flush() = 0;
};

/// Sees each statement before it runs, with its line: the hook for tracing and gates.
class ExecutionObserver {
public:
    virtual ~ExecutionObserver() = default;
    virtual void beforeStatement(int line) = 0;
};

struct Frame {
    Value *locals = nullptr;
    const FunctionInfo *info = nullptr;
    FunctionObject *function = nullptr; // null for module code
    ModuleObject *module = nullptr;
    int line = 0;
    Value returnValue;
    Frame *back = nullptr;
    std::uint64_t serial = 0; ///< which call this is (0: module code), so a new call's locals start afresh
    DictObject *classNamespace = nullptr; ///< a class body's namespace under construction
    CellObject *classCell = nullptr; ///< a class body's __class__ cell, given to the methods it defines
};

/// A variable as the variables trace last said it (variables.cpp).
struct SaidValue {
    std::string json; ///< empty when unbound or not shown
    Tag tag = Tag::Undefined; ///< an int, float, bool or None: unchanged when tag and bits are,
    std::int64_t bits = 0; ///< so a loop counter costs no repr
};

/// What the variables trace last said about one function frame of a thread.
struct ReportedFrame {
    std::uint64_t serial = 0;
    std::vector<SaidValue> said; ///< per local slot
};

/// What each thread running scenario code owns: its value stack (frame locals and
/// call arguments, never reallocated), its frames, and the exceptions it is handling.
struct ThreadState {
    ThreadState();
    ~ThreadState();
    ThreadState(const ThreadState &) = delete;
    ThreadState &operator=(const ThreadState &) = delete;
    ValueStack stack;
    std::size_t stackTop = 0;
    int depth = 0;
    Frame *frame = nullptr;
    std::vector<Ref<ExceptionObject>> handling; // innermost last
    std::vector<ReportedFrame> reportedFrames; ///< the variables trace's view of the call stack, outermost first
    std::size_t reportedDepth = 0;
};

/// The calling thread's state; set by whoever starts a thread that runs scenario code.
ThreadState &currentThread();
void setCurrentThread(ThreadState *state);
/// The line the calling thread's innermost frame runs, 0 outside scenario code (traces).
int currentThreadLine();

/// What ended a run, when an exception did.
struct UncaughtException {
    std::string type;
    std::string message;
    int line = 0; // where it was raised, in the scenario file
};

class Interpreter {
public:
    Interpreter(std::shared_ptr<Program> program, std::vector<std::string> argv, OutputSink &out);
    ~Interpreter();
    Interpreter(const Interpreter &) = delete;
    Interpreter &operator=(const Interpreter &) = delete;

    /// Runs the module as `__name__` and returns the process exit code as CPython would:
    /// 0, 1 after an uncaught exception (traceback on stderr), or SystemExit's code.
    int runMain(const std::string &moduleName = "__main__");

    /// Calls any callable with positional arguments (and optional keywords).
    Value call(const Value &callee, CallArgs &args);
    Value call(const Value &callee, std::vector<Value> positional);

    Value getAttribute(const Value &object, const std::string &name);
    void setAttribute(const Value &object, const std::string &name, const Value &value);

    OutputSink &output() { return m_out; }
    PyRandom &random() { return m_random; }
    const std::vector<std::string> &argv() const { return m_argv; }
    const Program &program() const { return *m_program; }
    ModuleObject *mainModule() const { return m_main.get(); }
    void setObserver(ExecutionObserver *observer) { m_observer = observer; }
    /// Runs at the end of runMain (and of a forked child): joining children, closing primitives.
    void addExitHook(std::function<void(Interpreter &)> hook) { m_exitHooks.push_back(std::move(hook)); }
    void runExitHooks();
    /// Runs `callable(args)` as the body of a forked child and returns its exit code,
    /// printing "Process NAME:" and the traceback as CPython's multiprocessing does.
    int runAsChild(const std::string &processName, const Value &callable, CallArgs &args);
    /// The module object for `import name` (created once per interpreter).
    Value importModule(const std::string &name);
    /// Writes "Traceback (most recent call last): ..." for an uncaught exception to stderr.
    void printTraceback(const ExceptionObject &e, std::FILE *to) const;
    /// The innermost running frame's line, for traces and errors.
    int currentLine() const { return currentThread().frame ? currentThread().frame->line : 0; }

    /// Set by runMain when the run ended with an exception other than SystemExit.
    const std::optional<UncaughtException> &uncaught() const { return m_uncaught; }

    int recursionLimit = 1000;

    // Generators (generators.cpp).
    Value makeGenerator(FunctionObject *fn, CallArgs &args);
    void runGeneratorBody(GeneratorObject &g);
    /// Runs the generator to its next yield and returns what it yields; raises StopIteration
    /// (with the return value) when it finishes, or what its body raised.
    Value resumeGenerator(GeneratorObject &g, Value send, std::optional<PyException> throwIn);
    Value yieldValue(Value v);
    Value yieldFrom(const Value &iterable);
    void closeGenerator(GeneratorObject &g);

private:
    enum class Flow { Normal, Break, Continue, Return };

    Flow execBlock(const Block &block, Frame &f);
    Flow exec(const Stmt &s, Frame &f);
    Flow execUnguarded(const Stmt &s, Frame &f);
    Flow execFor(const ForStmt &s, Frame &f);
    Flow execTry(const TryStmt &s, Frame &f);
    Flow execWith(const WithStmt &s, Frame &f);
    [[noreturn]] void execRaise(const RaiseStmt &s, Frame &f);
    void execImport(const ImportStmt &s, Frame &f);
    void execImportFrom(const ImportFromStmt &s, Frame &f);
    void execDelete(const Expr &target, Frame &f);
    void execAugAssign(const AugAssignStmt &s, Frame &f);
    void execClassDef(const ClassDefStmt &s, Frame &f); // class_exec.cpp
    Value applyDecorators(const std::vector<ExprPtr> &decorators, Frame &f, const std::function<Value()> &make);
    Value callInstance(const Value &callee, CallArgs &args); // class_exec.cpp

    Value eval(const Expr &e, Frame &f);
    Value evalName(const NameExpr &n, Frame &f);
    Value evalCall(const CallExpr &c, Frame &f);
    Value evalComprehension(const ComprehensionExpr &c, Frame &f);
    Value evalFString(const FStringExpr &e, Frame &f);
    Value makeFunction(const FunctionInfo &info, Frame &f);
    void evalSequenceInto(const std::vector<ExprPtr> &elements, Frame &f, std::vector<Value> &out);

    void assign(const Expr &target, const Value &value, Frame &f);
    void storeName(const NameExpr &n, const Value &value, Frame &f);
    void unpack(const SequenceExpr &target, const Value &value, Frame &f);
    /// A traced primitive bound to a name reports it once per process (object.name):
    /// the first name a run gives an object is what the window calls it.
    void noteBinding(std::string_view name, const Value &value)
    {
        if (value.isKind(ObjKind::Opaque) && trace::enabled())
            reportBinding(name, *static_cast<const OpaqueObject *>(value.obj()));
    }
    void reportBinding(std::string_view name, const OpaqueObject &object);
    /// A statement's event in a variables-traced run, with the locals of the running frame and
    /// the module's globals that changed since this thread last said (docs/trace-format.md).
    void reportStatementWithVariables(const Frame &f);

    Value callFunction(FunctionObject *fn, CallArgs &args);
    void bindArguments(FunctionObject *fn, CallArgs &args, Value *locals);

    [[noreturn]] void nameError(const std::string &name);
    bool exceptionMatches(const ExceptionObject &e, const Value &spec);

    std::shared_ptr<Program> m_program;
    std::vector<std::string> m_argv;
    OutputSink &m_out;
    Ref<ModuleObject> m_main;
    std::unordered_map<std::string, Value> m_modules;
    PyRandom m_random;
    ExecutionObserver *m_observer = nullptr;

    ThreadState m_mainThread;
    unsigned m_ticks = 0;
    std::unordered_set<std::uint64_t> m_namedObjects; ///< traced objects this process has named
    std::uint64_t m_frameSerial = 0;
    std::vector<SaidValue> m_reportedGlobals; ///< per main-module slot, as the variables trace last said it
    std::optional<UncaughtException> m_uncaught;
    std::vector<std::function<void(Interpreter &)>> m_exitHooks;
};

} // namespace ipclab::lang
