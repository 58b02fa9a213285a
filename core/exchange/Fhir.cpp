#include "exchange/Fhir.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace alliance::exchange {

namespace {

using json = nlohmann::ordered_json;

const std::string base = "urn:alliance-tracker:";

// A UUID (RFC 4122 layout, version 5 bits) derived from `key`, so that an export of the same records
// names every resource the same.
std::string uuidFor(const std::string& key)
{
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                       nullptr, 0);
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0F) | 0x50);
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3F) | 0x80);
    char text[37];
    std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9],
                  hash[10], hash[11], hash[12], hash[13], hash[14], hash[15]);
    return "urn:uuid:" + std::string(text);
}

std::string questionnaireUrl(Instrument instrument)
{
    return base + "questionnaire:" + spec(instrument).slug;
}

const char* questionnaireName(Instrument instrument)
{
    switch (instrument) {
    case Instrument::WaiSr: return "WaiSr";
    case Instrument::Srs: return "Srs";
    case Instrument::Bgt: return "QuickRating";
    }
    return "Unknown";
}

std::string titled(const std::string& slug)
{
    std::string text = slug;
    if (!text.empty())
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// The dimensions an instrument's items fall in, in the order of their first item.
std::vector<Dimension> dimensionsOf(const InstrumentSpec& s)
{
    std::vector<Dimension> dimensions;
    for (const Dimension d : s.itemDimension)
        if (std::find(dimensions.begin(), dimensions.end(), d) == dimensions.end())
            dimensions.push_back(d);
    return dimensions;
}

json questionnaire(Instrument instrument)
{
    const InstrumentSpec& s = spec(instrument);
    json groups = json::array();
    for (const Dimension d : dimensionsOf(s)) {
        json items = json::array();
        for (int i = 0; i < s.itemCount(); ++i)
            if (s.itemDimension[static_cast<std::size_t>(i)] == d)
                items.push_back({{"linkId", "item" + std::to_string(i + 1)},
                                 {"text", s.itemLabels[static_cast<std::size_t>(i)]},
                                 {"type", s.wholeNumberItems ? "integer" : "decimal"},
                                 {"required", true}});
        groups.push_back({{"linkId", dimensionSlug(d)},
                          {"text", titled(dimensionSlug(d))},
                          {"type", "group"},
                          {"item", items}});
    }
    return {{"resourceType", "Questionnaire"},
            {"url", questionnaireUrl(instrument)},
            {"name", questionnaireName(instrument)},
            {"title", s.name + ": item scores (the instrument's own wording is not included)"},
            {"status", "active"},
            {"subjectType", {"Patient"}},
            {"item", groups}};
}

json itemValue(const InstrumentSpec& s, int tenths)
{
    if (s.wholeNumberItems)
        return {{"valueInteger", tenths / 10}};
    return {{"valueDecimal", tenthsToDouble(tenths)}};
}

json quantity(int tenths)
{
    return {{"value", tenthsToDouble(tenths)},
            {"unit", "score"},
            {"system", "http://unitsofmeasure.org"},
            {"code", "{score}"}};
}

json scoreCode(const InstrumentSpec& s, const std::string& part)
{
    return {{"coding", {{{"system", base + "score"}, {"code", s.slug + "-" + part}}}},
            {"text", s.shortName + " " + part + " score"}};
}

struct Written {
    std::ostream& out;
    bool first = true;
    void entry(const std::string& fullUrl, const json& resource)
    {
        out << (first ? "\n" : ",\n") << json{{"fullUrl", fullUrl}, {"resource", resource}}.dump();
        first = false;
    }
};

std::uint64_t writeClient(Written& bundle, const ClientDetail& detail, const FhirOptions& options)
{
    const std::string code = detail.client.code;
    const std::string patient = uuidFor("patient:" + code);
    json person{{"resourceType", "Patient"},
                {"identifier", {{{"system", base + "client-code"}, {"value", code}}}}};
    if (options.withNames && detail.client.displayName)
        person["name"] = {{{"text", *detail.client.displayName}}};
    bundle.entry(patient, person);
    std::uint64_t ratings = 0;
    for (const auto& session : detail.sessions)
        for (const auto& rating : session.ratings) {
            const Score& score = rating.score;
            const InstrumentSpec& s = spec(score.instrument);
            const std::string key =
                code + ":" + toIso(session.date) + ":" + s.slug + ":" + slug(rating.rater);
            const std::string response = uuidFor("response:" + key);
            json groups = json::array();
            for (const Dimension d : dimensionsOf(s)) {
                json items = json::array();
                for (int i = 0; i < s.itemCount(); ++i)
                    if (s.itemDimension[static_cast<std::size_t>(i)] == d)
                        items.push_back(
                            {{"linkId", "item" + std::to_string(i + 1)},
                             {"answer", {itemValue(s, score.itemTenths[static_cast<std::size_t>(i)])}}});
                groups.push_back({{"linkId", dimensionSlug(d)}, {"item", items}});
            }
            json answers{{"resourceType", "QuestionnaireResponse"},
                         {"questionnaire", questionnaireUrl(score.instrument)},
                         {"status", "completed"},
                         {"subject", {{"reference", patient}}},
                         {"authored", toIso(session.date)},
                         {"item", groups}};
            if (rating.rater == Rater::Client)
                answers["source"] = {{"reference", patient}};
            else
                answers["author"] = {
                    {"display", rating.rater == Rater::Counselor ? "the client's counselor" : "an observer"}};
            bundle.entry(response, answers);

            json components = json::array();
            for (const Dimension d : dimensionsOf(s))
                components.push_back({{"code", scoreCode(s, dimensionSlug(d))},
                                      {"valueQuantity", quantity(score.dimensionTenths(d))}});
            bundle.entry(uuidFor("observation:" + key),
                         {{"resourceType", "Observation"},
                          {"status", "final"},
                          {"category",
                           {{{"coding",
                              {{{"system", "http://terminology.hl7.org/CodeSystem/observation-category"},
                                {"code", "survey"}}}}}}},
                          {"code", scoreCode(s, "total")},
                          {"subject", {{"reference", patient}}},
                          {"effectiveDateTime", toIso(session.date)},
                          {"valueQuantity", quantity(score.totalTenths)},
                          {"derivedFrom", {{{"reference", response}}}},
                          {"component", components}});
            ++ratings;
        }
    return ratings;
}

} // namespace

std::uint64_t writeFhirBundle(std::ostream& out, const ClientPass& clients, const FhirOptions& options)
{
    out << R"({"resourceType":"Bundle","type":"collection","entry":[)";
    Written bundle{out};
    for (const Instrument instrument : allInstruments())
        bundle.entry(uuidFor("questionnaire:" + spec(instrument).slug), questionnaire(instrument));
    std::uint64_t ratings = 0;
    clients([&](ClientDetail& detail) { ratings += writeClient(bundle, detail, options); });
    out << "\n]}\n";
    return ratings;
}

} // namespace alliance::exchange
