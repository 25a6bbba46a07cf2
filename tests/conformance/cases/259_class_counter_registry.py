# A class-level registry and counter shared by all instances.
class Task:
    created = 0
    registry = {}
    def __init__(self, name, priority=1):
        Task.created += 1
        self.id = Task.created
        self.name = name
        self.priority = priority
        Task.registry[self.id] = self
    def __lt__(self, other):
        return (self.priority, self.id) < (other.priority, other.id)
    def __repr__(self):
        return f"Task#{self.id}({self.name!r}, p={self.priority})"
tasks = [Task("write", 2), Task("test", 1), Task("ship", 3), Task("lint", 1)]
print(sorted(tasks))
print(Task.created, Task.registry[2], min(tasks), max(tasks).name)
print(sorted(tasks, key=lambda t: t.name)[0], [t.id for t in sorted(tasks, reverse=True)])
