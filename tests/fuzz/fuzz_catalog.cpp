// Fuzzes the catalogue loader. The catalogue is six files read in order, later ones referring to
// earlier ones; the input replaces the file whose top-level key ("accelerators", "servers", ...) it
// names first, in a private copy of data/catalog (accelerators.json when it names none), so every
// file's reader and every cross-reference check meets hostile text while the others stay valid and
// the committed catalogue files and hostile cases work as seeds unchanged.
#include <filesystem>

#include "core/catalog/catalog.h"
#include "core/catalog/catalogjson.h"
#include "tests/fuzz/fuzzinput.h"

namespace {

const std::string &catalogCopy()
{
    static const std::string dir = [] {
        namespace fs = std::filesystem;
        const std::string d = tokenroute::fuzz::scratchDir() + "/catalog";
        fs::remove_all(d);
        fs::copy(TOKENROUTE_DATA_DIR "/catalog", d);
        return d;
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    namespace fs = std::filesystem;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::string name = tokenroute::kCatalogFiles[0];
    std::size_t first = std::string_view::npos;
    for (const char *file : tokenroute::kCatalogFiles) {
        const std::string file_s = file;
        const std::string key = "\"" + file_s.substr(0, file_s.find('.')) + "\"";
        const std::size_t at = text.find(key);
        if (at < first) {
            first = at;
            name = file_s;
        }
    }
    const std::string dir = catalogCopy();
    tokenroute::fuzz::writeScratch("catalog/" + name, data, size);
    const int rc = tokenroute::fuzz::expectInputErrorOnly([&] { tokenroute::loadCatalog(dir); });
    fs::copy_file(TOKENROUTE_DATA_DIR "/catalog/" + name, dir + "/" + name, fs::copy_options::overwrite_existing);
    return rc;
}
