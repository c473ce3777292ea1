// tokenroute-cli: the engine without a window. Every command is registered by its own file; this
// file only builds the context, parses, and turns exceptions into a message and an exit code.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <utility>
#include <vector>

#include "app/cli/command.h"
#include "core/util/error.h"

namespace tokenroute::cli {

namespace {
std::vector<std::pair<int, Registrar>> &registry()
{
    static std::vector<std::pair<int, Registrar>> commands;
    return commands;
}
} // namespace

CommandRegistration::CommandRegistration(int order, Registrar registrar)
{
    registry().emplace_back(order, std::move(registrar));
}

Context::Context(std::string executablePath)
    : m_executablePath(std::move(executablePath))
{
}

const std::string &Context::dataDir()
{
    if (m_dataDir.empty())
        m_dataDir = findDataDir(m_executablePath);
    return m_dataDir;
}

const Catalog &Context::catalog()
{
    if (!m_catalog)
        m_catalog = std::make_unique<Catalog>(loadCatalog(dataDir() + "/catalog"));
    return *m_catalog;
}

} // namespace tokenroute::cli

int main(int argc, char **argv)
{
    using namespace tokenroute;
    CLI::App app{"TokenRoute: plan disaggregated LLM inference — where every token is computed, and why.",
                 "tokenroute-cli"};
    app.set_version_flag("--version", std::string("tokenroute-cli ") + TOKENROUTE_VERSION);
    app.require_subcommand(1);
    app.footer("Run 'tokenroute-cli COMMAND --help' for a command's options and an example.");

    cli::Context ctx(argc > 0 ? argv[0] : "");
    auto &commands = cli::registry();
    std::stable_sort(commands.begin(), commands.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &[order, registrar] : commands)
        registrar(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        return app.exit(e);
    } catch (const InputError &e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return ctx.exitCode;
}
