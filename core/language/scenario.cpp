#include "scenario.h"

#include "interrupt.h"
#include "trace.h"

#include "interpreter.h"
#include "lexer.h"
#include "modules.h"
#include "parser.h"
#include "resolver.h"
#include "source_encoding.h"
#include "source_file.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <pthread.h>
#include <unistd.h>

namespace ipclab::lang {

namespace {

class FdOutput final : public OutputSink {
public:
    explicit FdOutput(bool capture)
        : m_capture(capture)
        , m_lineBuffered(::isatty(STDOUT_FILENO) == 1)
    {
    }
    ~FdOutput() override { flush(); }
    void write(std::string_view text) override
    {
        m_buffer.append(text);
        // The window's runs (statements traced) show what each process printed, in order with its events.
        if (trace::statementsEnabled())
            trace::emit("print", trace::Phase::Instant, 0, { trace::arg("stream", "stdout"), trace::arg("text", trace::shorten(text, 2000)) });
        if (m_capture)
            m_captured.append(text);
        // Like CPython: line by line on a terminal, in blocks into a pipe or file.
        if (m_buffer.size() >= 1 << 16 || (m_lineBuffered && text.find('\n') != std::string_view::npos))
            flush();
    }
    void flush() override
    {
        std::size_t done = 0;
        while (done < m_buffer.size()) {
            const ssize_t n = ::write(STDOUT_FILENO, m_buffer.data() + done, m_buffer.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // stdout closed: drop output as Python would after EPIPE
            done += static_cast<std::size_t>(n);
        }
        m_buffer.clear();
    }
    std::string takeCaptured() { return std::move(m_captured); }

private:
    bool m_capture;
    bool m_lineBuffered;
    std::string m_buffer;
    std::string m_captured;
};

} // namespace

std::string Diagnostic::format() const
{
    // A problem with the file as a whole (it cannot be read, its declared encoding) has no line.
    if (line <= 0)
        return file + ": " + message;
    if (column <= 0)
        return file + ":" + std::to_string(line) + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

LoadedScenario loadScenarioText(const std::string &fileName, std::string source)
{
    LoadedScenario result;
    try {
        if (auto bad = prepareSource(source)) {
            result.problems.push_back(Diagnostic { fileName, bad->line, bad->column, bad->message });
            return result;
        }
        std::shared_ptr<Program> program = parseProgram(fileName, std::move(source));
        resolveProgram(*program, importCatalog());
        result.program = std::move(program);
    } catch (const SyntaxIssue &issue) {
        result.problems.push_back(Diagnostic { fileName, issue.line, issue.column, issue.message });
    }
    return result;
}

LoadedScenario loadScenario(const std::string &path)
{
    SourceFileBytes file = readSourceFile(path);
    if (!file.bytes) {
        LoadedScenario result;
        result.problems.push_back(Diagnostic { path, 0, 0, "cannot open: " + file.error });
        return result;
    }
    return loadScenarioText(path, std::move(*file.bytes));
}

RunOutcome runScenarioImpl(
    const std::shared_ptr<Program> &program, const std::vector<std::string> &argv, bool captureStdout, const std::function<int(Interpreter &)> &customBody);

RunOutcome runScenario(const std::shared_ptr<Program> &program, const std::vector<std::string> &argv, bool captureStdout)
{
    return runScenarioImpl(program, argv, captureStdout, {});
}

RunOutcome runScenarioWith(const std::shared_ptr<Program> &program, const std::vector<std::string> &argv, const std::function<int(Interpreter &)> &body)
{
    return runScenarioImpl(program, argv, false, body);
}

RunOutcome runScenarioImpl(
    const std::shared_ptr<Program> &program, const std::vector<std::string> &argv, bool captureStdout, const std::function<int(Interpreter &)> &customBody)
{
    RunOutcome outcome;
    // As CPython: a write to a closed pipe raises BrokenPipeError instead of killing the process.
    std::signal(SIGPIPE, SIG_IGN);
    trace::setLineProvider(currentThreadLine);
    const auto started = std::chrono::steady_clock::now();
    FdOutput out(captureStdout);
    // The evaluator recurses on the C stack: give it a deep one (reserved, touched only
    // as used), so the recursion and nesting limits are reached before the stack's end
    // even in sanitizer builds.
    struct Job {
        const std::shared_ptr<Program> *program;
        const std::vector<std::string> *argv;
        FdOutput *out;
        RunOutcome *outcome;
        const std::function<int(Interpreter &)> *customBody;
    } job { &program, &argv, &out, &outcome, &customBody };
    auto body = [](void *arg) -> void * {
        auto &j = *static_cast<Job *>(arg);
        interrupt::install(); // this thread runs the module: Ctrl+C is its KeyboardInterrupt
        Interpreter interpreter(*j.program, *j.argv, *j.out);
        if (*j.customBody) {
            j.outcome->exitCode = (*j.customBody)(interpreter);
            j.out->flush();
            return nullptr;
        }
        trace::emit("process.run", trace::Phase::Instant, 0,
            { trace::arg("name", "MainProcess"), trace::arg("ppid", static_cast<int>(::getppid())), trace::arg("thread", "MainThread"),
                trace::arg("file", (*j.program)->fileName) });
        j.outcome->exitCode = interpreter.runMain();
        if (const auto &u = interpreter.uncaught()) {
            j.outcome->exceptionType = u->type;
            j.outcome->exceptionMessage = u->message;
            j.outcome->exceptionLine = u->line;
        }
        j.out->flush();
        if (j.outcome->exceptionType)
            trace::emit("process.exit", trace::Phase::Instant, 0,
                { trace::arg("exitcode", j.outcome->exitCode), trace::arg("exception", *j.outcome->exceptionType),
                    trace::arg("message", trace::shorten(j.outcome->exceptionMessage, 400)), trace::arg("raisedAt", j.outcome->exceptionLine) });
        else
            trace::emit("process.exit", trace::Phase::Instant, 0, { trace::arg("exitcode", j.outcome->exitCode) });
        trace::flushAll();
        return nullptr;
    };
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, std::size_t(512) << 20);
    pthread_t thread;
    if (pthread_create(&thread, &attr, body, &job) == 0)
        pthread_join(thread, nullptr);
    else
        body(&job); // no thread to be had: run on this one, with the default stack
    pthread_attr_destroy(&attr);
    out.flush();
    outcome.stdoutText = out.takeCaptured();
    outcome.durationSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

} // namespace ipclab::lang
