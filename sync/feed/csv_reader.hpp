#pragma once
// CSV as spreadsheets export it (UTF-8, optional BOM, ',' or ';' separated,
// RFC 4180 quoting, a header row) read into the same shape as a GeoJSON
// file, so one validator serves both. `longitude`/`latitude` (or `lon`/`lat`)
// columns become a Point; `<field>_en` / `<field>_uk` columns become language
// variants of `<field>`; empty cells are absent.
#include <filesystem>

#include "geojson_reader.hpp"

namespace feed {

cache::Result<FeatureCollectionFile> parseCsv(std::string_view text, std::string_view name);
cache::Result<FeatureCollectionFile> readCsvFile(const std::filesystem::path& path);

} // namespace feed
