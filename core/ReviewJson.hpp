#pragma once
// The supervisor's review as JSON: what `alliance caseload --json` and `alliance trends --json`
// print (README: "The supervisor's review") and what the app's Team page shows, so the two can
// never disagree.
#include "Review.hpp"

#include <nlohmann/json.hpp>

namespace alliance {

nlohmann::json caseloadReviewJson(const CaseloadReview& review);
nlohmann::json trendsJson(const CaseloadReview& review);
// One set of figures (a counselor's or the scope's), as in caseloadReviewJson.
nlohmann::json reviewFiguresJson(const ReviewFigures& figures);

} // namespace alliance
