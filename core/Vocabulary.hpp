#pragma once
// The domain's closed vocabularies, typed and named once. Each enum has one table of slugs: the
// words the database, the CLI and JSON use. People never see a slug: the front ends label each
// value themselves (the app through tr(), the CLI in its help). The schema's CHECK constraints
// list the same slugs; VocabularyTest keeps the two in step.
#include "Errors.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace alliance {

enum class Rater { Client, Counselor, Observer };
enum class Role { Counselor, Supervisor, Admin };
enum class ClientStatus { Active, Closed, Transferred };
enum class RuptureKind { Withdrawal, Confrontation };
enum class NoticedBy { Counselor, ClientScore, ClientReport, Supervisor };
enum class PlanStatus { Planned, InProgress, Closed };
enum class Outcome { Resolved, Partly, Unresolved, Transferred };

template <class E> struct Vocabulary;

#define ALLIANCE_VOCABULARY(Enum, Field, ...)                                                                \
    template <> struct Vocabulary<Enum> {                                                                    \
        static constexpr std::string_view field = Field;                                                     \
        static constexpr auto table = std::to_array<std::pair<Enum, std::string_view>>(__VA_ARGS__);         \
    }

ALLIANCE_VOCABULARY(Rater, "rater",
                    {{Rater::Client, "client"},
                     {Rater::Counselor, "counselor"},
                     {Rater::Observer, "observer"}});
ALLIANCE_VOCABULARY(
    Role, "role", {{Role::Counselor, "counselor"}, {Role::Supervisor, "supervisor"}, {Role::Admin, "admin"}});
ALLIANCE_VOCABULARY(ClientStatus, "status",
                    {{ClientStatus::Active, "active"},
                     {ClientStatus::Closed, "closed"},
                     {ClientStatus::Transferred, "transferred"}});
ALLIANCE_VOCABULARY(RuptureKind, "kind",
                    {{RuptureKind::Withdrawal, "withdrawal"}, {RuptureKind::Confrontation, "confrontation"}});
ALLIANCE_VOCABULARY(NoticedBy, "noticed_by",
                    {{NoticedBy::Counselor, "counselor"},
                     {NoticedBy::ClientScore, "client-score"},
                     {NoticedBy::ClientReport, "client-report"},
                     {NoticedBy::Supervisor, "supervisor"}});
ALLIANCE_VOCABULARY(PlanStatus, "plan_status",
                    {{PlanStatus::Planned, "planned"},
                     {PlanStatus::InProgress, "in-progress"},
                     {PlanStatus::Closed, "closed"}});
ALLIANCE_VOCABULARY(Outcome, "outcome",
                    {{Outcome::Resolved, "resolved"},
                     {Outcome::Partly, "partly"},
                     {Outcome::Unresolved, "unresolved"},
                     {Outcome::Transferred, "transferred"}});

#undef ALLIANCE_VOCABULARY

// Every value of a vocabulary, in its table's order (the order choices are offered in).
template <class E> constexpr auto allValues()
{
    std::array<E, Vocabulary<E>::table.size()> values{};
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = Vocabulary<E>::table[i].first;
    return values;
}

template <class E> constexpr std::string_view slugOf(E value)
{
    for (const auto& [v, slug] : Vocabulary<E>::table)
        if (v == value)
            return slug;
    return {};
}

template <class E> std::string slug(E value)
{
    return std::string(slugOf(value));
}

// "client, counselor, observer" -- for an error that lists what is allowed.
template <class E> std::string slugList()
{
    std::string list;
    for (const auto& entry : Vocabulary<E>::table)
        list += (list.empty() ? "" : ", ") + std::string(entry.second);
    return list;
}

// Throws ValidationError on the vocabulary's field (or `field` when given) for an unknown word.
// The message quotes a shortened copy of what was given and lists the words allowed.
template <class E> E parseSlug(std::string_view text, std::string_view field = Vocabulary<E>::field)
{
    for (const auto& [v, slug] : Vocabulary<E>::table)
        if (slug == text)
            return v;
    throw ValidationError(std::string(field),
                          "invalid value " + quoteForError(std::string(text)) +
                              " (expected one of: " + slugList<E>() + ")",
                          Reason::NotAllowed);
}

} // namespace alliance
