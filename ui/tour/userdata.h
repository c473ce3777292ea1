#pragma once

// Where the user's own plans live. The demo plan ships read-only beside the binaries (under
// /usr/share once installed); the user gets a copy in their documents folder on first start, so
// edits and saves go to a file they own and the shipped original stays pristine. File dialogs
// start in that folder until the user picks another (the "files/lastDirectory" setting that the
// main window's dialogs read and update).

#include <QString>

namespace tokenroute::ui::userdata {

// <Documents>/TokenRoute, falling back to the home directory when there is no documents folder.
QString plansDirectory();

// The user's copy of the demo plan: copied from pristineDemo into plansDirectory() when it does not
// exist yet, and left alone afterwards so the user's edits survive. Points the file dialogs at
// plansDirectory() unless they already remember a folder. Returns the copy's path, or pristineDemo
// when the copy cannot be made (read-only home, full disk): the app still opens the demo.
QString prepareUserDemo(const QString &pristineDemo);

} // namespace tokenroute::ui::userdata
