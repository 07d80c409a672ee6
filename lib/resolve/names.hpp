// Internal: identity keys for names. Two mentions whose keys are equal denote
// one entity: 广东省科学技术厅 and 广东省科技厅 (standard abbreviations of
// department names), 深圳某某技术股份有限公司 and 某某科技 (a firm's stem:
// no seat in front, no legal form or trade word behind).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kg/lexicon.hpp"

namespace kg::resolve {

// Returns a firm's stem: leading place names and trailing legal forms and
// trade words removed (深圳市某某信息科技有限公司 -> 某某), a view into `name`;
// "" when too short.
std::string_view firm_stem(std::string_view name, const Lexicon& lexicon);

// Returns a government body's name with department names abbreviated the
// standard way (工业和信息化局 -> 工信局, 发展和改革委员会 -> 发展改革委).
std::string government_key(std::string_view name);

// Returns government_key(name) when it differs from `name`, nullopt when the
// name is its own key (the usual case, which then costs no copy).
std::optional<std::string> abbreviated_government_name(std::string_view name);

}  // namespace kg::resolve
