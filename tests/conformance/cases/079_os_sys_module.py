import os
import sys
pid = os.getpid()
ppid = os.getppid()
print(type(pid).__name__, pid > 0, type(ppid).__name__, ppid >= 0, pid != ppid)
print(os.getpid() == pid)
print(len(sys.argv))
print(type(sys.argv).__name__, isinstance(sys.argv[0], str))
def check():
    return os.getpid() == pid
print(check())
