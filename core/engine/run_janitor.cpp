#include "run_janitor.h"

#include <boost/process/args.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bp = boost::process;

namespace ipclab::engine {

RunJanitor::~RunJanitor()
{
    finish();
}

bool RunJanitor::start(const QString &workerPath, const std::string &folder, int registryFd)
{
    m_workerPath = workerPath;
    m_folder = folder;
    m_registryFd = registryFd;
    // A socket pair, not a pipe: the orchestrator's writes to a janitor killed from outside
    // must fail with EPIPE (MSG_NOSIGNAL), not kill the orchestrator with SIGPIPE.
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return false;
    ::shutdown(fds[0], SHUT_WR); // one way: the janitor only reads
    const int readEnd = fds[0];
    std::error_code error;
    m_child = bp::child(
        bp::exe = workerPath.toStdString(), bp::args = std::vector<std::string> { "--janitor", folder, std::to_string(registryFd) },
        bp::extend::on_exec_setup =
            [readEnd, registryFd](auto &) {
                // Between fork and exec. Its own group, so ending the run's group spares it;
                // no parent-death signal: outliving the orchestrator is its job.
                ::setpgid(0, 0);
                ::dup2(readEnd, STDIN_FILENO);
                if (registryFd >= 0)
                    ::fcntl(registryFd, F_SETFD, 0);
            },
        error);
    ::close(readEnd);
    if (error) {
        ::close(fds[1]);
        return false;
    }
    m_pipe = fds[1];
    if (m_group > 0)
        noteGroup(m_group);
    return true;
}

void RunJanitor::noteGroup(int group)
{
    m_group = group;
    if (m_pipe < 0)
        return;
    const std::string line = "group " + std::to_string(group) + "\n";
    if (::send(m_pipe, line.data(), line.size(), MSG_NOSIGNAL) < 0) {
        // The janitor is gone: death() tells, and it is started again.
    }
}

std::optional<int> RunJanitor::death()
{
    if (!m_child.valid() || m_child.id() <= 0)
        return std::nullopt;
    int status = 0;
    if (::waitpid(m_child.id(), &status, WNOHANG) != m_child.id())
        return std::nullopt;
    m_child.detach(); // reaped here; Boost must not wait for it again
    m_child = bp::child();
    if (m_pipe >= 0) {
        ::close(m_pipe);
        m_pipe = -1;
    }
    return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

bool RunJanitor::restart()
{
    return start(m_workerPath, m_folder, m_registryFd);
}

int RunJanitor::pid() const
{
    return m_child.valid() ? m_child.id() : 0;
}

void RunJanitor::finish()
{
    if (m_pipe >= 0) {
        // The run's group is gone already: the janitor must not signal a group that may have
        // been given the same number since.
        if (::send(m_pipe, "done\n", 5, MSG_NOSIGNAL) < 0) { }
        ::close(m_pipe);
        m_pipe = -1;
    }
    std::error_code ignored;
    if (m_child.valid() && m_child.running(ignored))
        m_child.wait(ignored);
}

} // namespace ipclab::engine
