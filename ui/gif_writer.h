#pragma once
// An animated GIF, frame by frame, encoded by giflib: a replay for a slide.

#include <QImage>
#include <QString>

#include <memory>

struct GifFileType;

namespace ipclab::ui {

class GifWriter {
public:
    GifWriter();
    ~GifWriter();
    GifWriter(const GifWriter &) = delete;
    GifWriter &operator=(const GifWriter &) = delete;

    /// Starts `path` for frames of `size`, looping forever; false (see error()) if it cannot.
    bool open(const QString &path, QSize size);
    /// One frame shown for `delayMs`: reduced to 256 colours of its own.
    bool addFrame(const QImage &frame, int delayMs);
    /// Writes the end of the file; false (see error()) if the file could not be completed.
    bool close();
    int frames() const { return m_frames; }
    QString error() const { return m_error; }

private:
    bool fail(int code, const char *what);
    GifFileType *m_gif = nullptr;
    QSize m_size;
    int m_frames = 0;
    QString m_error;
};

} // namespace ipclab::ui
