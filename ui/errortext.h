#pragma once
// Errors from the core turned into sentences for the window, in one place so that they can be
// translated and read the same everywhere.

#include <exception>

#include <QString>

namespace tokenroute::ui {

enum class FileAction { Open, Save, Export };

// Two lines: what failed ("Cannot open demo.json.") and why, with the field or line an InputError
// names ("At racks[2].units: expected a whole number from 1 to 60").
QString describeFailure(FileAction action, const QString &path, const std::exception &error);

} // namespace tokenroute::ui
