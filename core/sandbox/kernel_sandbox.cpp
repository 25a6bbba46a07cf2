#include "kernel_sandbox.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab::sandbox {

namespace {

// Landlock's ABI as the kernel defines it; Debian 12's headers stop at ABI 2, newer kernels
// take the longer attribute (the size passed says which fields are there).
struct RulesetAttr {
    std::uint64_t handledAccessFs;
    std::uint64_t handledAccessNet;
    std::uint64_t scoped;
};
struct PathBeneathAttr {
    std::uint64_t allowedAccess;
    std::int32_t parentFd;
} __attribute__((packed));

constexpr std::uint64_t kFsExecute = 1ull << 0, kFsWriteFile = 1ull << 1, kFsReadFile = 1ull << 2, kFsReadDir = 1ull << 3;
constexpr std::uint64_t kFsRemoveDir = 1ull << 4, kFsRemoveFile = 1ull << 5, kFsMakeChar = 1ull << 6, kFsMakeDir = 1ull << 7;
constexpr std::uint64_t kFsMakeReg = 1ull << 8, kFsMakeSock = 1ull << 9, kFsMakeFifo = 1ull << 10, kFsMakeBlock = 1ull << 11;
constexpr std::uint64_t kFsMakeSym = 1ull << 12, kFsRefer = 1ull << 13, kFsTruncate = 1ull << 14, kFsIoctlDev = 1ull << 15;
constexpr std::uint64_t kScopeAbstractUnixSocket = 1ull << 0, kScopeSignal = 1ull << 1;
constexpr std::uint32_t kCreateRulesetVersion = 1u << 0;
constexpr int kRulePathBeneath = 1;

long landlockCreateRuleset(const RulesetAttr *attr, std::size_t size, std::uint32_t flags)
{
    return ::syscall(__NR_landlock_create_ruleset, attr, size, flags);
}

std::uint64_t handledFs(int abi)
{
    std::uint64_t all = (kFsMakeSym << 1) - 1; // ABI 1: bits 0..12
    if (abi >= 2)
        all |= kFsRefer;
    if (abi >= 3)
        all |= kFsTruncate;
    if (abi >= 5)
        all |= kFsIoctlDev;
    return all;
}

int landlockAbi()
{
    const long abi = landlockCreateRuleset(nullptr, 0, kCreateRulesetVersion);
    return abi > 0 ? static_cast<int>(abi) : 0;
}

bool writeWhole(const char *path, const std::string &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

bool bringLoopbackUp()
{
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0)
        return false;
    ifreq ifr {};
    std::memcpy(ifr.ifr_name, "lo", 3);
    bool ok = ::ioctl(s, SIOCGIFFLAGS, &ifr) == 0;
    ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP | IFF_RUNNING);
    ok = ok && ::ioctl(s, SIOCSIFFLAGS, &ifr) == 0;
    ::close(s);
    return ok;
}

enum Step {
    StepOk,
    StepUserNamespace,
    StepIdMaps,
    StepNamespaces,
    StepLoopback,
    StepMountPrivate,
    StepShm,
    StepFolder,
    StepRlimit,
    StepNoNewPrivs,
    StepLandlock,
    StepDropRoot
};

bool allowBeneath(int ruleset, const char *path, std::uint64_t access)
{
    const int fd = ::open(path, O_PATH | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT; // a system folder this machine lacks (/lib64) is no loss
    struct stat st { };
    if (::fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
        access &= kFsExecute | kFsWriteFile | kFsReadFile | kFsTruncate | kFsIoctlDev; // a file takes file rights only
    PathBeneathAttr rule { access, fd };
    const bool ok = ::syscall(__NR_landlock_add_rule, ruleset, kRulePathBeneath, &rule, 0) == 0;
    ::close(fd);
    return ok;
}

bool restrictWithLandlock(const Plan &plan)
{
    const std::uint64_t fs = handledFs(plan.landlockAbi);
    RulesetAttr attr { fs, 0, 0 };
    std::size_t size = sizeof(std::uint64_t);
    if (plan.landlockAbi >= 6) {
        attr.scoped = kScopeSignal | kScopeAbstractUnixSocket;
        size = sizeof attr;
    }
    const int ruleset = static_cast<int>(landlockCreateRuleset(&attr, size, 0));
    if (ruleset < 0)
        return false;
    const std::uint64_t readExec = kFsExecute | kFsReadFile | kFsReadDir;
    const std::uint64_t fileRights = kFsWriteFile | kFsReadFile | (plan.landlockAbi >= 3 ? kFsTruncate : 0) | (plan.landlockAbi >= 5 ? kFsIoctlDev : 0);
    // The run's own places: everything but devices and symlinks out.
    const std::uint64_t own = fs & ~(kFsMakeChar | kFsMakeBlock | kFsMakeSym | kFsExecute | kFsIoctlDev);
    bool ok = true;
    for (const std::string &p : plan.readPaths)
        ok = ok && allowBeneath(ruleset, p.c_str(), readExec);
    for (const std::string &p : plan.devicePaths)
        ok = ok && allowBeneath(ruleset, p.c_str(), fileRights);
    ok = ok && allowBeneath(ruleset, plan.runFolder.c_str(), own);
    ok = ok && allowBeneath(ruleset, "/dev/shm", own);
    ok = ok && ::syscall(__NR_landlock_restrict_self, ruleset, 0) == 0;
    ::close(ruleset);
    return ok;
}

} // namespace

const Capabilities &probe()
{
    static const Capabilities found = [] {
        Capabilities c;
        c.root = ::geteuid() == 0;
        c.landlockAbi = landlockAbi();
        // Try in a throwaway child: unsharing changes the caller for good.
        auto tryIn = [](int flags, bool mapIds) {
            const uid_t uid = ::geteuid();
            const gid_t gid = ::getegid();
            const pid_t pid = ::fork();
            if (pid < 0)
                return false;
            if (pid == 0) {
                if (::unshare(flags) != 0)
                    ::_exit(1);
                if (mapIds) {
                    char map[64];
                    std::snprintf(map, sizeof map, "0 %u 1\n", static_cast<unsigned>(uid));
                    if (!writeWhole("/proc/self/setgroups", "deny") || !writeWhole("/proc/self/uid_map", map))
                        ::_exit(1);
                    std::snprintf(map, sizeof map, "0 %u 1\n", static_cast<unsigned>(gid));
                    if (!writeWhole("/proc/self/gid_map", map))
                        ::_exit(1);
                }
                if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
                    ::_exit(1);
                if (::mount("ipclab-probe", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=1m") != 0)
                    ::_exit(1);
                ::_exit(bringLoopbackUp() ? 0 : 1);
            }
            int status = 0;
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        };
        if (c.root) {
            c.namespaces = tryIn(CLONE_NEWNET | CLONE_NEWNS, false);
        } else {
            c.userNamespace = tryIn(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS, true);
            c.namespaces = c.userNamespace;
        }
        return c;
    }();
    return found;
}

Plan makePlan(const RunLimits &limits, const std::string &runFolder, const std::string &workerPath, bool kernel)
{
    Plan plan;
    plan.limits = limits;
    plan.runFolder = runFolder;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    plan.setAddressSpace = false; // their shadow memory reserves terabytes of address space
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
    plan.setAddressSpace = false;
#endif
#endif
    if (!kernel)
        return plan;
    const Capabilities &c = probe();
    plan.outerUid = ::geteuid();
    plan.outerGid = ::getegid();
    if (c.namespaces) {
        plan.userNamespace = !c.root;
        plan.network = true;
        plan.mounts = true;
        char text[160];
        std::snprintf(text, sizeof text, "size=%llu,nr_inodes=%u,mode=1777", static_cast<unsigned long long>(limits.sharedMemoryBytes), 4096u);
        plan.shmOptions = text;
        const unsigned owner = c.root ? plan.nobodyUid : 0;
        std::snprintf(text, sizeof text, "size=%llu,nr_inodes=%u,mode=0700,uid=%u,gid=%u", static_cast<unsigned long long>(limits.folderBytes),
            limits.folderFiles + 1, owner, owner);
        plan.folderOptions = text;
        if (plan.userNamespace) {
            std::snprintf(text, sizeof text, "0 %u 1\n", plan.outerUid);
            plan.uidMap = text;
            std::snprintf(text, sizeof text, "0 %u 1\n", plan.outerGid);
            plan.gidMap = text;
        }
    }
    plan.dropRoot = c.root;
    plan.landlockAbi = c.landlockAbi;
    if (plan.landlockAbi > 0) {
        plan.readPaths = { "/usr", "/lib", "/lib64", "/etc/ld.so.cache", "/proc" };
        const std::size_t slash = workerPath.rfind('/');
        if (slash != std::string::npos)
            plan.readPaths.push_back(workerPath.substr(0, slash));
        plan.devicePaths = { "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random" };
        // A sanitizer build reads its suppressions file when each worker starts, after the
        // sandbox is in place: without its folder the worker dies before its first line.
        for (const char *variable : { "TSAN_OPTIONS", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS" }) {
            const char *options = std::getenv(variable);
            const char *found = options ? std::strstr(options, "suppressions=") : nullptr;
            if (!found)
                continue;
            std::string file(found + std::strlen("suppressions="));
            file = file.substr(0, file.find_first_of(" :"));
            const std::size_t folder = file.rfind('/');
            if (folder != std::string::npos && folder > 0)
                plan.readPaths.push_back(file.substr(0, folder));
        }
    }
    return plan;
}

int apply(const Plan &plan)
{
    if (plan.userNamespace) {
        if (::unshare(CLONE_NEWUSER) != 0)
            return StepUserNamespace;
        if (!writeWhole("/proc/self/setgroups", "deny") || !writeWhole("/proc/self/uid_map", plan.uidMap) || !writeWhole("/proc/self/gid_map", plan.gidMap))
            return StepIdMaps;
    }
    if (plan.network || plan.mounts) {
        if (::unshare((plan.network ? CLONE_NEWNET : 0) | (plan.mounts ? CLONE_NEWNS : 0)) != 0)
            return StepNamespaces;
    }
    if (plan.network && !bringLoopbackUp())
        return StepLoopback;
    if (plan.mounts) {
        // Private first, so nothing mounted here shows outside the run.
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            return StepMountPrivate;
        if (::mount("ipclab-shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, plan.shmOptions.c_str()) != 0)
            return StepShm;
        if (::mount("ipclab-run", plan.runFolder.c_str(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, plan.folderOptions.c_str()) != 0)
            return StepFolder;
    }
    auto limit = [](int resource, std::uint64_t value) {
        const rlimit r { static_cast<rlim_t>(value), static_cast<rlim_t>(value) };
        return ::setrlimit(resource, &r) == 0;
    };
    // A file grown past its limit fails its write with EFBIG (File too large), instead of
    // the process dying of SIGXFSZ; the ignored disposition survives exec.
    ::signal(SIGXFSZ, SIG_IGN);
    if (!limit(RLIMIT_FSIZE, plan.limits.folderBytes) || !limit(RLIMIT_CORE, 0))
        return StepRlimit;
    if (plan.setAddressSpace && plan.limits.memoryBytesPerProcess > 0 && !limit(RLIMIT_AS, plan.limits.memoryBytesPerProcess))
        return StepRlimit;
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return StepNoNewPrivs;
    if (plan.landlockAbi > 0 && !restrictWithLandlock(plan))
        return StepLandlock;
    if (plan.dropRoot) {
        if (::setgroups(0, nullptr) != 0 || ::setresgid(plan.nobodyGid, plan.nobodyGid, plan.nobodyGid) != 0
            || ::setresuid(plan.nobodyUid, plan.nobodyUid, plan.nobodyUid) != 0)
            return StepDropRoot;
    }
    return StepOk;
}

const char *failedStep(int step)
{
    switch (step) {
    case StepUserNamespace:
        return "cannot create a user namespace";
    case StepIdMaps:
        return "cannot map the user in its namespace";
    case StepNamespaces:
        return "cannot create the network and mount namespaces";
    case StepLoopback:
        return "cannot bring up the loopback interface";
    case StepMountPrivate:
        return "cannot make the mounts private";
    case StepShm:
        return "cannot mount a private /dev/shm";
    case StepFolder:
        return "cannot mount the run's folder";
    case StepRlimit:
        return "cannot set the resource limits";
    case StepNoNewPrivs:
        return "cannot set no_new_privs";
    case StepLandlock:
        return "cannot apply the Landlock rules";
    case StepDropRoot:
        return "cannot give up root";
    default:
        return "ok";
    }
}

} // namespace ipclab::sandbox
