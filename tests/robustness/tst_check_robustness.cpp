// Truncated and mangled versions of every corpus program must give a clean
// FILE:LINE:COL diagnostic or a valid program: never a crash, a hang or an
// exception escaping the checker.

#include "scenario.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

std::vector<std::string> mangle(const std::string &source, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<std::string> variants;
    const auto size = source.size();
    for (int percent : { 5, 10, 25, 33, 50, 66, 75, 90, 99 })
        variants.push_back(source.substr(0, size * static_cast<std::size_t>(percent) / 100));
    static const char noise[] = "()[]{}:,'\"\\\n\t #=@!$f\x01";
    for (int i = 0; i < 8 && size > 0; ++i) {
        std::string s = source;
        const auto at = static_cast<std::size_t>(rng.bounded(static_cast<quint32>(size)));
        switch (i % 4) {
        case 0:
            s.erase(at, 1);
            break;
        case 1:
            s.insert(at, 1, noise[rng.bounded(static_cast<quint32>(sizeof noise - 1))]);
            break;
        case 2:
            s[at] = '\xff';
            break;
        case 3:
            s.insert(at, "    ");
            break;
        }
        variants.push_back(std::move(s));
    }
    // Lines shuffled: swap two lines.
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < size) {
        auto end = source.find('\n', start);
        if (end == std::string::npos)
            end = size;
        lines.push_back(source.substr(start, end - start));
        start = end + 1;
    }
    if (lines.size() > 2) {
        std::swap(lines[rng.bounded(static_cast<quint32>(lines.size()))], lines[rng.bounded(static_cast<quint32>(lines.size()))]);
        std::string s;
        for (const auto &l : lines)
            s += l + "\n";
        variants.push_back(std::move(s));
    }
    return variants;
}

/// Edits aimed at the class, decorator, exception and generator syntax: a class without
/// its name or colon, keywords and stars among the bases, a decorator before a plain
/// statement, refused special methods and __slots__, super and raise-from cut short,
/// yield doubled, inside an expression or outside a function.
std::vector<std::string> mangleClassSyntax(const std::string &source)
{
    static const std::vector<std::pair<std::string, std::string>> edits = {
        { "class ", "class " + std::string("(") },
        { "class ", "class class " },
        { "):\n", ")\n" },
        { "(Exception)", "(metaclass=type)" },
        { "(Exception)", "(*bases)" },
        { "(Process)", "(Process, name=1)" },
        { "def __init__", "def __new__" },
        { "def __repr__", "def __format__" },
        { "    def ", "    __slots__ = ()\n    def " },
        { "\nclass ", "\n@\nclass " },
        { "\nclass ", "\n@decorate\nx = 1\nclass " },
        { "    @property", "    @property(" },
        { "    @staticmethod\n", "    @staticmethod\n\n" },
        { "super().", "super()." + std::string("(") },
        { "super().__init__(", "super(.__init__(" },
        { " from ", " from from " },
        { "self.", "self.." },
        { "return self", "yield self" },
        { "    def ", "  def " },
        { ":\n        ", ":\n" },
        { "yield ", "yield yield " },
        { "yield ", "print((yield " },
        { "yield from ", "yield from from " },
        { "yield from ", "x = yield from" },
        { "    yield", "yield" },
        { "= yield", "= (yield" },
        { "(x for x", "(yield x for x" },
        { " for ", " for for " },
    };
    std::vector<std::string> variants;
    for (const auto &[from, to] : edits) {
        const auto at = source.find(from);
        if (at == std::string::npos)
            continue;
        std::string s = source;
        s.replace(at, from.size(), to);
        variants.push_back(std::move(s));
    }
    return variants;
}

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

} // namespace

class TestCheckRobustness : public QObject {
    Q_OBJECT

private slots:
    void mangledSourcesInProcess()
    {
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/tests/conformance/cases"));
        const QStringList files = dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        int diagnostics = 0, programs = 0;
        quint32 seed = 1;
        for (const QString &f : files) {
            for (const std::string &variant : mangle(readAll(dir.filePath(f)), seed++)) {
                const auto loaded = ipclab::lang::loadScenarioText("mangled.py", variant);
                if (loaded.program) {
                    QVERIFY(loaded.problems.empty());
                    ++programs;
                    continue;
                }
                QCOMPARE(loaded.problems.size(), std::size_t(1));
                const auto &d = loaded.problems.front();
                QVERIFY2(d.line >= 1 && d.column >= 1, d.format().c_str());
                QVERIFY2(!d.message.empty(), d.format().c_str());
                QVERIFY(QString::fromStdString(d.format()).startsWith(QStringLiteral("mangled.py:%1:%2: ").arg(d.line).arg(d.column)));
                ++diagnostics;
            }
        }
        qInfo("%d variants rejected with a diagnostic, %d still valid programs", diagnostics, programs);
        QVERIFY(diagnostics > programs);
    }

    void classSyntaxMutations()
    {
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/tests/conformance/cases"));
        const QStringList files = dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name);
        int diagnostics = 0, programs = 0;
        for (const QString &f : files) {
            const std::string source = readAll(dir.filePath(f));
            if (source.find("class ") == std::string::npos && source.find('@') == std::string::npos && source.find("yield") == std::string::npos)
                continue;
            for (const std::string &variant : mangleClassSyntax(source)) {
                const auto loaded = ipclab::lang::loadScenarioText("mangled.py", variant);
                if (loaded.program) {
                    QVERIFY(loaded.problems.empty());
                    ++programs;
                    continue;
                }
                QCOMPARE(loaded.problems.size(), std::size_t(1));
                const auto &d = loaded.problems.front();
                QVERIFY2(d.line >= 1 && d.column >= 1 && !d.message.empty(), d.format().c_str());
                ++diagnostics;
            }
        }
        qInfo("class syntax: %d variants rejected with a diagnostic, %d still valid programs", diagnostics, programs);
        QVERIFY(diagnostics > 200);
    }

    // The command itself, as a user runs it: exit status 1 and FILE:LINE:COL on stderr.
    void mangledSourcesThroughCommand()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/tests/conformance/cases"));
        const QStringList files = dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name);
        int checked = 0;
        for (int i = 0; i < files.size(); i += 7) {
            const auto variants = mangle(readAll(dir.filePath(files[i])), 1000 + static_cast<quint32>(i));
            for (std::size_t v = 0; v < variants.size(); v += 3) {
                const QString path = tmp.filePath(QStringLiteral("case%1_%2.py").arg(i).arg(v));
                QFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(variants[v].data(), static_cast<qint64>(variants[v].size()));
                out.close();
                QProcess p;
                p.start(QStringLiteral(IPCLAB_BINARY), { QStringLiteral("check"), path });
                QVERIFY(p.waitForFinished(30000));
                QCOMPARE(p.exitStatus(), QProcess::NormalExit);
                QVERIFY(p.exitCode() == 0 || p.exitCode() == 1);
                const QString err = QString::fromUtf8(p.readAllStandardError());
                if (p.exitCode() == 1)
                    QVERIFY2(err.startsWith(path + QLatin1Char(':')), qPrintable(err));
                else
                    QVERIFY(err.isEmpty());
                ++checked;
            }
        }
        QVERIFY(checked > 50);
    }
};

QTEST_GUILESS_MAIN(TestCheckRobustness)
#include "tst_check_robustness.moc"
