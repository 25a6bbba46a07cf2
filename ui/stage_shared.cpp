// The stage's drawing of the primitives outside multiprocessing's own
// objects: a FIFO as a pipe with a name, a socket connection as a tube with
// its connect -> accept handshake, a shared memory segment as the one row of
// bytes every process sees (the last write in its writer's colour), and a
// Pool as its workers and tasks.

#include "stage_view.h"

#include <QPainter>
#include <QPainterPath>

#include <cstring>

namespace ipclab::ui {

namespace {

const QColor kBlocked(0xdc, 0x26, 0x26);
const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x6b, 0x72, 0x80);
const QColor kTube(0xef, 0xf6, 0xff);
const QColor kBytes(0x93, 0xc5, 0xfd);

void drawTitle(QPainter &p, const QRect &box, const QString &text, const QFont &base, QStringList &painted)
{
    QFont bold = base;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(kInk);
    const QString shown = QFontMetrics(bold).elidedText(text, Qt::ElideRight, box.width() - 8);
    painted.append(shown);
    p.drawText(box.adjusted(4, 2, -4, 0), Qt::AlignLeft | Qt::AlignTop, shown);
    p.setFont(base);
}

void drawArrow(QPainter &p, QPoint from, QPoint to, const QColor &colour)
{
    p.setPen(QPen(colour, 1.5));
    p.drawLine(from, to);
    const int dir = to.x() >= from.x() ? 1 : -1;
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to.x() - dir * 7, to.y() - 4);
    head.lineTo(to.x() - dir * 7, to.y() + 4);
    head.closeSubpath();
    p.fillPath(head, colour);
}

// The elements of a Value or an Array, read from the segment's bytes as ctypes stores them.
QString decodeValues(const engine::SegmentInfo &segment)
{
    const QString code = segment.typecode;
    if (code.size() != 1)
        return {};
    const char c = code.at(0).toLatin1();
    const int size = QByteArrayView("bBhHiIlLqQfd").indexOf(c) < 0 ? 0
        : (c == 'b' || c == 'B')                                   ? 1
        : (c == 'h' || c == 'H')                                   ? 2
        : (c == 'i' || c == 'I' || c == 'f')                       ? 4
                                                                   : 8;
    if (size == 0)
        return {};
    QStringList items;
    for (qint64 at = 0; at + size <= segment.bytes.size() && items.size() < 16; at += size) {
        const char *p = segment.bytes.constData() + at;
        if (c == 'f') {
            float f;
            std::memcpy(&f, p, 4);
            items << QString::number(f);
        } else if (c == 'd') {
            double d;
            std::memcpy(&d, p, 8);
            items << QString::number(d);
        } else {
            quint64 raw = 0;
            std::memcpy(&raw, p, static_cast<size_t>(size));
            const bool isSigned = QChar::fromLatin1(c).isLower();
            if (isSigned && size < 8 && ((raw >> (8 * size - 1)) & 1))
                raw |= ~quint64(0) << (8 * size);
            items << (isSigned ? QString::number(static_cast<qint64>(raw)) : QString::number(raw));
        }
    }
    return segment.kind == QLatin1String("Value") ? items.value(0) : QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
}

} // namespace

bool StageView::isPoolPipe(quint64 end) const
{
    for (const auto &[id, pool] : m_state->shared().pools)
        if (pool.pipeEnds.count(end))
            return true;
    return false;
}

bool StageView::sharedPrimitivePath(const engine::TraceEvent &e, QString &from, QString &to, QString &label) const
{
    const QString thread = QStringLiteral("thread/%1").arg(e.tid);
    const QString &op = e.op;
    QString object;
    bool toObject = true;
    if (op == QLatin1String("os.write") && e.ph == 'B') {
        object = QStringLiteral("fifo/%1").arg(e.obj);
    } else if (op == QLatin1String("os.read") && e.ph == 'E' && e.integer("bytes") > 0) {
        object = QStringLiteral("fifo/%1").arg(e.obj);
        toObject = false;
    } else if ((op == QLatin1String("socket.send") || op == QLatin1String("socket.sendall")) && e.ph == 'B') {
        object = QStringLiteral("socket/%1").arg(e.obj);
    } else if (op == QLatin1String("socket.recv") && e.ph == 'E' && e.integer("bytes") > 0) {
        object = QStringLiteral("socket/%1").arg(e.obj);
        toObject = false;
    } else if (op == QLatin1String("shared.write")) {
        object = QStringLiteral("segment/%1/%2").arg(e.obj).arg(e.integer("offset"));
        if (rectOf(object).isNull())
            object = QStringLiteral("segment/%1").arg(e.obj);
    } else if (op == QLatin1String("pool.submit") && !e.has("exc")) {
        object = QStringLiteral("pool/%1").arg(e.obj);
        label = e.text("func") + e.text("args");
    } else if (op == QLatin1String("pool.result")) {
        object = QStringLiteral("pool/%1").arg(e.obj);
        toObject = false;
    } else {
        return false;
    }
    from = toObject ? thread : object;
    to = toObject ? object : thread;
    return true;
}

int StageView::paintSharedPrimitives(QPainter &p, QRect box)
{
    const engine::SharedWatch &shared = m_state->shared();
    const int margin = 12;
    int y = box.top();
    for (const auto &[id, fifo] : shared.fifos)
        y += paintFifo(p, id, fifo, QRect(box.left(), y, box.width(), 0)) + margin;
    // A connection is drawn once, from the client's side; listening sockets and pairs on their own.
    std::set<quint64> drawn;
    for (const auto &[id, socket] : shared.sockets) {
        if (drawn.count(id) || socket.state == QLatin1String("closed"))
            continue;
        auto peer = socket.peer ? shared.sockets.find(socket.peer) : shared.sockets.end();
        if (peer != shared.sockets.end()) {
            drawn.insert({ id, socket.peer });
            const bool serverSide = socket.acceptedBy != 0;
            y += (serverSide ? paintConnection(p, peer->first, peer->second, id, socket, QRect(box.left(), y, box.width(), 0))
                             : paintConnection(p, id, socket, peer->first, peer->second, QRect(box.left(), y, box.width(), 0)))
                + margin;
            continue;
        }
        if (socket.acceptedBy == 0)
            y += paintSocket(p, id, socket, QRect(box.left(), y, box.width(), 0)) + margin;
    }
    for (const auto &[id, segment] : shared.segments)
        y += paintSegment(p, id, segment, QRect(box.left(), y, box.width(), 0)) + margin;
    for (const auto &[id, pool] : shared.pools)
        y += paintPool(p, id, pool, QRect(box.left(), y, box.width(), 0)) + margin;
    return y - box.top();
}

int StageView::paintFifo(QPainter &p, quint64 id, const engine::FifoInfo &fifo, QRect box)
{
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 6;
    box.setHeight(lineHeight * 3 + 12);
    drawTitle(p, box, fifo.removed ? tr("FIFO '%1' (removed; open ends still work)").arg(fifo.path) : tr("FIFO '%1' (named pipe)").arg(fifo.path), font(),
        m_paintedTexts);
    const QRect tube(box.left() + 4, box.top() + lineHeight + 4, box.width() - 8, lineHeight);
    p.setPen(QPen(kMuted, 1.5));
    p.setBrush(kTube);
    p.drawRoundedRect(tube, tube.height() / 2, tube.height() / 2);
    if (fifo.bytesInFlight > 0) {
        const QRect bytes(tube.left() + 18, tube.top() + 3, std::min<int>(tube.width() / 2, 8 + 4 * static_cast<int>(fifo.bytesInFlight)), tube.height() - 6);
        p.setPen(Qt::NoPen);
        p.setBrush(kBytes);
        p.drawRoundedRect(bytes, 4, 4);
        note(QStringLiteral("fifo-bytes"), QString::number(fifo.bytesInFlight), bytes);
    }
    p.setPen(kInk);
    paintText(p, tube.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter, tr("%1 bytes in flight").arg(fifo.bytesInFlight));
    note(QStringLiteral("fifo"), fifo.path, tube, fifo.readers.empty() || fifo.writers.empty(), {}, QStringLiteral("fifo/%1").arg(id));
    p.setPen(fifo.writers.empty() ? kBlocked : kMuted);
    paintText(p, QRect(box.left() + 4, tube.bottom() + 2, box.width() / 2, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(tr("write end: %1").arg(holders(fifo.writers)), Qt::ElideRight, box.width() / 2 - 8));
    p.setPen(fifo.readers.empty() ? kBlocked : kMuted);
    paintText(p, QRect(box.left() + box.width() / 2, tube.bottom() + 2, box.width() / 2 - 4, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
        fm.elidedText(tr("read end: %1").arg(holders(fifo.readers)), Qt::ElideRight, box.width() / 2 - 8));
    return box.height();
}

int StageView::paintSocket(QPainter &p, quint64 id, const engine::SocketInfo &socket, QRect box)
{
    const QFontMetrics fm(p.font());
    box.setHeight(fm.height() + 12);
    const bool listening = socket.state == QLatin1String("listening");
    p.setPen(QPen(listening ? QColor(0x05, 0x96, 0x69) : kMuted, 1.5));
    p.setBrush(listening ? QColor(0xec, 0xfd, 0xf5) : Qt::white);
    p.drawRoundedRect(box, 6, 6);
    const QString owner = holders({ socket.ownerPid });
    const QString text
        = socket.address.isEmpty() ? tr("socket (%1): %2").arg(owner, socket.state) : tr("socket %1 (%2): %3").arg(socket.address, owner, socket.state);
    p.setPen(kInk);
    paintText(p, box.adjusted(10, 0, -10, 0), Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(text, Qt::ElideRight, box.width() - 20));
    note(QStringLiteral("socket"), socket.state, box, false, {}, QStringLiteral("socket/%1").arg(id));
    return box.height();
}

int StageView::paintConnection(QPainter &p, quint64 clientId, const engine::SocketInfo &client, quint64 serverId, const engine::SocketInfo &server, QRect box)
{
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 6;
    box.setHeight(lineHeight * 3 + 12);
    const bool pair = client.kind == QLatin1String("pair");
    drawTitle(p, box, pair ? tr("socketpair") : tr("TCP connection %1 ⇄ %2").arg(client.address, server.address), font(), m_paintedTexts);
    const QRect tube(box.left() + 4, box.top() + lineHeight + 4, box.width() - 8, lineHeight);
    p.setPen(QPen(kMuted, 1.5));
    p.setBrush(kTube);
    p.drawRoundedRect(tube, tube.height() / 2, tube.height() / 2);
    if (!pair) {
        // The handshake: the client's connect() met the server's accept().
        drawArrow(p, QPoint(tube.left() + 14, tube.center().y()), QPoint(tube.left() + tube.width() / 3, tube.center().y()), QColor(0x05, 0x96, 0x69));
        note(QStringLiteral("handshake"), tr("connect → accept"), QRect(tube.left() + 14, tube.top(), tube.width() / 3 - 14, tube.height()), false,
            tr("%1 connected; %2 accepted").arg(holders({ client.ownerPid }), holders({ server.ownerPid })));
    }
    p.setPen(kInk);
    paintText(p, tube.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter,
        tr("→ %1 bytes, ← %2 bytes in flight").arg(client.bytesInFlight).arg(server.bytesInFlight));
    note(QStringLiteral("connection"), pair ? QStringLiteral("pair") : QStringLiteral("tcp"), tube, false, {},
        QStringLiteral("connection/%1/%2").arg(clientId).arg(serverId));
    // Each end by itself, for what moves from a sender into the connection and out to a reader.
    note(QStringLiteral("socket-end"), {}, tube, false, {}, QStringLiteral("socket/%1").arg(clientId));
    note(QStringLiteral("socket-end"), {}, tube, false, {}, QStringLiteral("socket/%1").arg(serverId));
    p.setPen(kMuted);
    paintText(p, QRect(box.left() + 4, tube.bottom() + 2, box.width() / 2, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(pair ? tr("end 1: %1").arg(holders({ client.ownerPid })) : tr("connect(): %1").arg(holders({ client.ownerPid })), Qt::ElideRight,
            box.width() / 2 - 8));
    paintText(p, QRect(box.left() + box.width() / 2, tube.bottom() + 2, box.width() / 2 - 4, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
        fm.elidedText(pair ? tr("end 2: %1").arg(holders({ server.ownerPid })) : tr("accept(): %1").arg(holders({ server.ownerPid })), Qt::ElideRight,
            box.width() / 2 - 8));
    return box.height();
}

int StageView::paintSegment(QPainter &p, quint64 id, const engine::SegmentInfo &segment, QRect box)
{
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 6;
    const int cell = std::max(22, fm.horizontalAdvance(QStringLiteral("WW")) + 6);
    const int perRow = std::max(1, (box.width() - 8) / cell);
    const int shown = static_cast<int>(std::min<qint64>(segment.bytes.size(), 2 * perRow));
    const int rows = std::max(1, (shown + perRow - 1) / perRow);
    const QString values = decodeValues(segment);
    box.setHeight(lineHeight * (2 + (values.isEmpty() ? 0 : 1)) + rows * (2 * lineHeight) + 8);
    p.setPen(QPen(QColor(0x0e, 0x74, 0x90), 1.5));
    p.setBrush(QColor(0xf0, 0xf9, 0xff));
    p.drawRoundedRect(box, 6, 6);
    QString title;
    if (segment.kind == QLatin1String("SharedMemory"))
        title = tr("SharedMemory '%1', %2 bytes").arg(segment.name).arg(segment.size);
    else if (segment.kind == QLatin1String("mmap"))
        title = segment.name.isEmpty() ? tr("mmap (anonymous, shared), %1 bytes").arg(segment.size)
                                       : tr("mmap of '%1', %2 bytes").arg(segment.name).arg(segment.size);
    else
        title = tr("%1('%2'), %3 bytes").arg(segment.kind, segment.typecode).arg(segment.size);
    drawTitle(p, box.adjusted(6, 2, 0, 0), title, font(), m_paintedTexts);
    // One copy for every process: what one writes, the others read at once.
    QString seen = segment.lastWriter ? tr("seen by all · last write: %1").arg(holders({ segment.lastWriter })) : tr("one copy, seen by all");
    bool lockHeld = false;
    if (auto lock = m_state->syncs().find(segment.lock); segment.lock && lock != m_state->syncs().end()) {
        lockHeld = lock->second.value <= 0;
        seen += lockHeld ? tr(" · lock held by %1").arg(holders({ lock->second.ownerPid })) : tr(" · lock free");
    }
    p.setPen(lockHeld ? kBlocked : kMuted);
    paintText(p, box.adjusted(10, 2 + lineHeight, -10, 0), Qt::AlignLeft | Qt::AlignTop, fm.elidedText(seen, Qt::ElideRight, box.width() - 20));
    if (segment.lock)
        note(QStringLiteral("segment-lock"), seen, QRect(box.left() + 10, box.top() + 2 + lineHeight, box.width() - 20, lineHeight), lockHeld);
    int y = box.top() + 2 * lineHeight + 4;
    if (!values.isEmpty()) {
        p.setPen(kInk);
        paintText(p, QRect(box.left() + 10, y, box.width() - 20, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(tr("value: %1").arg(values), Qt::ElideRight, box.width() - 20));
        note(QStringLiteral("segment-value"), values, QRect(box.left() + 10, y, box.width() - 20, lineHeight));
        y += lineHeight;
    }
    const QColor writer = segment.lastWriter ? m_colours.colourFor(segment.lastWriter) : kMuted;
    for (int i = 0; i < shown; ++i) {
        const QRect c(box.left() + 4 + (i % perRow) * cell, y + (i / perRow) * 2 * lineHeight, cell - 2, 2 * lineHeight - 4);
        const bool recent = segment.lastWriter && i >= segment.lastOffset && i < segment.lastOffset + segment.lastSize;
        const auto byte = static_cast<unsigned char>(segment.bytes.at(i));
        p.setPen(QPen(recent ? writer : kMuted, recent ? 2 : 1));
        p.setBrush(recent ? writer.lighter(185) : Qt::white);
        p.drawRect(c);
        p.setPen(kInk);
        paintText(p, QRect(c.left(), c.top(), c.width(), c.height() / 2), Qt::AlignCenter, QStringLiteral("%1").arg(byte, 2, 16, QLatin1Char('0')));
        p.setPen(kMuted);
        paintText(p, QRect(c.left(), c.top() + c.height() / 2, c.width(), c.height() / 2), Qt::AlignCenter,
            byte >= 0x20 && byte < 0x7f ? QString(QLatin1Char(static_cast<char>(byte))) : QStringLiteral("·"));
        note(QStringLiteral("segment-byte"), QString::number(byte), c, recent, {}, QStringLiteral("segment/%1/%2").arg(id).arg(i));
    }
    note(QStringLiteral("segment"), segment.kind, box, false, {}, QStringLiteral("segment/%1").arg(id));
    return box.height();
}

int StageView::paintPool(QPainter &p, quint64 id, const engine::PoolInfo &pool, QRect box)
{
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 6;
    box.setHeight(lineHeight * 2 + 12);
    p.setPen(QPen(QColor(0x4f, 0x46, 0xe5), 1.5));
    p.setBrush(QColor(0xee, 0xf2, 0xff));
    p.drawRoundedRect(box, 6, 6);
    QStringList names;
    for (int pid : pool.workers) {
        auto name = pool.names.find(pid);
        names << (name != pool.names.end() ? name->second : QString::number(pid));
    }
    drawTitle(
        p, box.adjusted(6, 2, 0, 0), tr("Pool: %1").arg(names.isEmpty() ? tr("no workers left") : names.join(QStringLiteral(", "))), font(), m_paintedTexts);
    const int waiting = pool.tasksSent - pool.tasksDone;
    const QString text = tr("%1 tasks sent, %2 done, %3 unfinished").arg(pool.tasksSent).arg(pool.tasksDone).arg(waiting);
    p.setPen(kMuted);
    paintText(p, box.adjusted(10, 2 + lineHeight, -10, 0), Qt::AlignLeft | Qt::AlignTop, text);
    note(QStringLiteral("pool"), text, box, false, {}, QStringLiteral("pool/%1").arg(id));
    return box.height();
}

} // namespace ipclab::ui
