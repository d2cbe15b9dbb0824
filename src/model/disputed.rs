use std::fmt;

/// How the map draws territory whose sovereignty is disputed.
///
/// The source data (Natural Earth 4.1.0) makes its own choices, e.g. it draws Crimea
/// inside Russia. We never inherit such a choice by accident: every disputed area in
/// `assets/disputed-areas.ron` names the country it belongs to under each rule, and the
/// rule in force is a setting that exports print in their footer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputedRule {
    /// Follow United Nations resolutions where they exist: Crimea and Sevastopol are
    /// drawn as Ukraine (UNGA resolution 68/262), Northern Cyprus as Cyprus (UNSC
    /// resolutions 541 and 550). Where no resolution applies, Natural Earth's de facto
    /// lines are kept. Most briefings follow this rule, so it is the default.
    #[default]
    UnResolutions,
    /// Draw who controls the ground on the data's date: Crimea as Russia, Northern
    /// Cyprus separately, the Siachen Glacier as India.
    DeFactoControl,
}

impl DisputedRule {
    /// Every rule, in the order menus list them.
    pub const ALL: [Self; 2] = [Self::UnResolutions, Self::DeFactoControl];

    /// A short name for menus and export footers.
    pub fn label(self) -> &'static str {
        match self {
            Self::UnResolutions => "UN resolutions",
            Self::DeFactoControl => "de facto control",
        }
    }

    /// One sentence that an export footer prints so readers know what they see.
    pub fn footer_text(self) -> &'static str {
        match self {
            Self::UnResolutions => {
                "Disputed areas follow UN resolutions (Crimea as Ukraine, UNGA 68/262; \
                 Northern Cyprus as Cyprus, UNSC 541); elsewhere Natural Earth's de facto lines."
            }
            Self::DeFactoControl => {
                "Disputed areas are drawn by de facto control (Crimea as Russia; Northern \
                 Cyprus separately; Siachen as India)."
            }
        }
    }
}

impl fmt::Display for DisputedRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
