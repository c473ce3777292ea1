#pragma once
// Each CLI command lives in its own file (cmd_<name>.cpp) and registers itself at start-up through
// a static CommandRegistration, so commands are added without touching main.cpp. The registrar
// receives the shared context: where the data lives, the catalogue (loaded on first use), and the
// output conventions (--json on the command, progress on stderr, results on stdout).

#include <functional>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/catalog/catalog.h"

namespace tokenroute::cli {

class Context {
public:
    explicit Context(std::string executablePath);

    const std::string &dataDir();       // resolved lazily (env, install layout, source tree)
    const Catalog &catalog();           // loaded and validated on first use; throws InputError

    // Set by a command's callback; main() returns it.
    int exitCode = 0;

private:
    std::string m_executablePath;
    std::string m_dataDir;
    std::unique_ptr<Catalog> m_catalog;
};

using Registrar = std::function<void(CLI::App &app, Context &ctx)>;

// order decides the order in --help (lower first).
struct CommandRegistration {
    CommandRegistration(int order, Registrar registrar);
};

} // namespace tokenroute::cli
