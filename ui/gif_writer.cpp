#include "gif_writer.h"

#include <gif_lib.h>

#include <vector>

namespace ipclab::ui {

namespace {

struct ColourMap {
    ColorMapObject *map;
    ~ColourMap() { GifFreeMapObject(map); }
};

} // namespace

GifWriter::GifWriter() = default;

GifWriter::~GifWriter()
{
    if (m_gif)
        close();
}

bool GifWriter::fail(int code, const char *what)
{
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(GifErrorString(code)));
    return false;
}

bool GifWriter::open(const QString &path, QSize size)
{
    int code = 0;
    m_gif = EGifOpenFileName(path.toLocal8Bit().constData(), false, &code);
    if (!m_gif)
        return fail(code, "cannot create the file");
    m_size = size;
    EGifSetGifVersion(m_gif, true); // GIF89a: frame delays and looping
    if (EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(m_gif->Error, "cannot write the screen");
    // NETSCAPE2.0: play the replay again and again, as a slide does.
    const unsigned char loop[] = { 1, 0, 0 };
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR || EGifPutExtensionBlock(m_gif, 11, "NETSCAPE2.0") == GIF_ERROR
        || EGifPutExtensionBlock(m_gif, 3, loop) == GIF_ERROR || EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
        return fail(m_gif->Error, "cannot write the loop");
    return true;
}

bool GifWriter::addFrame(const QImage &frame, int delayMs)
{
    if (!m_gif)
        return false;
    // Qt reduces the frame to a palette of its own; the stage's flat colours survive it.
    const QImage indexed = frame.convertToFormat(QImage::Format_RGB32).scaled(m_size).convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither);
    const QList<QRgb> table = indexed.colorTable();
    int bits = 1;
    while ((1 << bits) < table.size())
        ++bits;
    ColourMap colours { GifMakeMapObject(1 << bits, nullptr) };
    if (!colours.map)
        return fail(E_GIF_ERR_NOT_ENOUGH_MEM, "cannot make the colour table");
    for (int i = 0; i < (1 << bits); ++i) {
        const QRgb c = i < table.size() ? table[i] : qRgb(0, 0, 0);
        colours.map->Colors[i] = { static_cast<GifByteType>(qRed(c)), static_cast<GifByteType>(qGreen(c)), static_cast<GifByteType>(qBlue(c)) };
    }
    GraphicsControlBlock control {};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.DelayTime = std::max(2, delayMs / 10); // hundredths of a second
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const std::size_t length = EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) == GIF_ERROR)
        return fail(m_gif->Error, "cannot write a frame's delay");
    if (EGifPutImageDesc(m_gif, 0, 0, m_size.width(), m_size.height(), false, colours.map) == GIF_ERROR)
        return fail(m_gif->Error, "cannot write a frame");
    std::vector<GifPixelType> row(static_cast<std::size_t>(m_size.width()));
    for (int y = 0; y < m_size.height(); ++y) {
        const uchar *line = indexed.constScanLine(y);
        std::copy(line, line + m_size.width(), row.begin());
        if (EGifPutLine(m_gif, row.data(), m_size.width()) == GIF_ERROR)
            return fail(m_gif->Error, "cannot write a frame's pixels");
    }
    ++m_frames;
    return true;
}

bool GifWriter::close()
{
    if (!m_gif)
        return true;
    int code = 0;
    const bool ok = EGifCloseFile(m_gif, &code) != GIF_ERROR;
    m_gif = nullptr;
    return ok || fail(code, "cannot finish the file");
}

} // namespace ipclab::ui
