#pragma once
// HL7 FHIR R4 export: one Bundle (type collection) holding a Questionnaire per instrument (item
// link ids and bond / goal / task / overall groups; the licence-free item labels, never an
// instrument's own wording), and for each client a Patient known only by the client code (a name
// only when asked for), a QuestionnaireResponse per rating and an Observation per rating with the
// total and the subscales as components, derived from that response. Streamed, one client at a
// time; the same records give the same bytes (ids are derived from the records).
#include "exchange/Export.hpp"

#include <cstdint>
#include <ostream>

namespace alliance::exchange {

struct FhirOptions {
    bool withNames = false; // the client's display name on the Patient, when on record
};

// Returns the number of ratings written.
std::uint64_t writeFhirBundle(std::ostream& out, const ClientPass& clients, const FhirOptions& options);

} // namespace alliance::exchange
