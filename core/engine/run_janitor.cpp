#include "run_janitor.h"

#include <boost/process/args.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>

#include <fcntl.h>
#include <unistd.h>

namespace bp = boost::process;

namespace ipclab::engine {

RunJanitor::~RunJanitor()
{
    finish();
}

bool RunJanitor::start(const QString &workerPath, const std::string &folder)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    const int readEnd = fds[0];
    std::error_code error;
    m_child = bp::child(
        bp::exe = workerPath.toStdString(), bp::args = std::vector<std::string> { "--janitor", folder },
        bp::extend::on_exec_setup =
            [readEnd](auto &) {
                // Between fork and exec. Its own group, so ending the run's group spares it;
                // no parent-death signal: outliving the orchestrator is its job.
                ::setpgid(0, 0);
                ::dup2(readEnd, STDIN_FILENO);
            },
        error);
    ::close(readEnd);
    if (error) {
        ::close(fds[1]);
        return false;
    }
    m_pipe = fds[1];
    return true;
}

void RunJanitor::noteSegment(const QString &name, bool ours)
{
    if (m_pipe < 0)
        return;
    const QByteArray line = (ours ? "+" : "-") + name.toUtf8() + '\n';
    if (::write(m_pipe, line.constData(), static_cast<size_t>(line.size())) < 0) {
        // The janitor is gone: the orchestrator still unlinks the segment itself.
    }
}

void RunJanitor::finish()
{
    if (m_pipe >= 0) {
        ::close(m_pipe);
        m_pipe = -1;
    }
    std::error_code ignored;
    if (m_child.valid() && m_child.running(ignored))
        m_child.wait(ignored);
}

} // namespace ipclab::engine
