#pragma once
// The interface language: English (the source texts) or Simplified Chinese
// (resources/ipclab_zh_CN.ts, compiled into the binary). It follows the
// system locale until the user picks one in View > Language, which is then
// remembered. Switching installs other translators; Qt then sends every
// widget QEvent::LanguageChange, and the window sets its texts again.

#include <QString>
#include <QStringList>

class QObject;

namespace ipclab::ui {

/// The language codes the interface has: "en" and "zh_CN".
QStringList interfaceLanguages();
/// A language's name in itself ("English", "简体中文"), as a language menu shows it.
QString languageName(const QString &language);
/// The one to start in: the one chosen before (QSettings "language"), else the system locale's.
QString preferredLanguage();
/// Remembers the user's choice for the next start.
void rememberLanguage(const QString &language);
/// Installs our translation and Qt's own for `language` ("en" removes them); false when ours is missing.
bool applyLanguage(const QString &language);
/// The language applied last ("en" before any).
QString currentLanguage();

/// Sets `property` of `object` to `source` translated in `context`, and remembers the source so
/// retranslateTree() can set it again in another language (menus, actions, panel titles).
void setTranslated(QObject *object, const char *property, const char *context, const char *source);
/// Sets every property remembered by setTranslated() on `root` and its descendants again.
void retranslateTree(QObject *root);

} // namespace ipclab::ui
