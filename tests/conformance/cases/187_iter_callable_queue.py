# The documentation's idiom: a worker drains a queue until the 'STOP' sentinel.
import queue

q = queue.Queue()
for task in ["a", "b", "c"]:
    q.put(task)
q.put("STOP")
done = []
for task in iter(q.get, "STOP"):
    done.append(task.upper())
    print("working on", task, "left", q.qsize())
print(done, q.empty())
