//! The document core: the loaded data, the geometry per disputed-territory rule,
//! the layout being edited with its file and undo history, and the scene drawn
//! from them. It knows nothing of egui: the window, the command line, the tests and
//! the benchmarks all build their pictures through a [`Workspace`], so the
//! load -> geometry -> scene pipeline exists once.
//!
//! Every change to the layout is an [`Edit`] applied by [`Workspace::apply`], which
//! says what it changed; the scene is rebuilt only when its inputs changed.

mod clock;
mod data;
mod document;
mod edit;
mod history;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

pub use clock::Clock;
pub use data::{
    DataError, MapData, OrganisationFile, add_user_layers, atlas_from_files, load_atlas, load_data_atlas, load_layout,
    load_layout_keeping_unknown_layers, parse_layout, parse_organisation, read_data_organisations,
    read_organisation_folder,
};
pub use document::Document;
pub use edit::{Changed, Edit, apply};
pub use history::{COALESCE, History, UndoGroup};

use crate::analysis::Atlas;
use crate::geometry::{DetailSlot, MapGeometry};
use crate::io::Problem;
use crate::io::layouts::{SaveError, save_layout};
use crate::model::{CountryCode, Date, DisputedRule, LayerRank, LayerSettings, Layout, Organisation};
use crate::scene::{Scene, SceneInputs, SelectionDetail};

/// The default layout: the primary organisations shown, the others listed but
/// hidden, as of `date`.
pub fn default_layout(atlas: &Atlas, date: Date) -> Layout {
    let layers = atlas
        .organisations
        .iter()
        .map(|org| LayerSettings::new(org.short_name.clone(), org.layer == LayerRank::Primary))
        .collect();
    Layout::with_layers(date, layers)
}

/// Data, document and scene: everything but the window.
pub struct Workspace {
    data: Arc<MapData>,
    clock: Clock,
    geometries: BTreeMap<DisputedRule, Arc<MapGeometry>>,
    /// The 1:10m geometry per rule, shared by every scene of that rule; filled by
    /// [`Workspace::prefetch_detail`] in the background or [`Workspace::load_detail`].
    detail: BTreeMap<DisputedRule, DetailSlot>,
    /// Rules whose 1:10m geometry is being built or was built in the background.
    detail_started: BTreeSet<DisputedRule>,
    document: Document,
    scene: Arc<Scene>,
    /// Every day the sourced data changes: the atlas never changes while the
    /// program runs, so this is computed once, on first use (an export never asks).
    change_days: std::sync::OnceLock<Vec<Date>>,
    /// The detail of the last selected country, for the scene it was built from.
    selection: Option<(u64, Arc<SelectionDetail>)>,
}

impl Workspace {
    /// A workspace on the default layout as of today.
    pub fn new(data: MapData, clock: Clock) -> Self {
        let layout = default_layout(&data.atlas, clock.today());
        Self::with_layout(data, layout, clock)
    }

    /// A workspace on `layout`, not yet saved anywhere.
    pub fn with_layout(data: MapData, layout: Layout, clock: Clock) -> Self {
        Self::with_layout_on(data, layout, clock, None)
    }

    /// A workspace on `layout` that draws on `geometry` (built by
    /// [`overview_geometry`]) for that geometry's rule: the window builds it
    /// before opening, to prepare the first frame's shapes while eframe starts.
    pub fn with_layout_on(data: MapData, layout: Layout, clock: Clock, geometry: Option<Arc<MapGeometry>>) -> Self {
        let data = Arc::new(data);
        let (mut geometries, mut detail) = (BTreeMap::new(), BTreeMap::new());
        if let Some(geometry) = geometry {
            geometries.insert(geometry.rule, geometry);
        }
        let scene = scene_for(&data, &mut geometries, &mut detail, SceneInputs::from_layout(&layout));
        Self {
            data,
            clock,
            geometries,
            detail,
            detail_started: BTreeSet::new(),
            document: Document::new(layout, None),
            scene,
            change_days: std::sync::OnceLock::new(),
            selection: None,
        }
    }

    fn build_scene(&mut self, inputs: SceneInputs) -> Arc<Scene> {
        scene_for(&self.data, &mut self.geometries, &mut self.detail, inputs)
    }

    /// Starts building the 1:10m geometry of the layout's rule on another thread,
    /// unless it is built or being built: the window calls this as the view nears
    /// the zoom where detail is drawn, so neither start-up nor the zoom waits.
    pub fn prefetch_detail(&mut self) {
        let rule = self.layout().disputed;
        if !self.detail_started.insert(rule) {
            return;
        }
        let overview = geometry_for(&self.data, &mut self.geometries, rule);
        let slot = Arc::clone(self.detail.entry(rule).or_default());
        let data = Arc::clone(&self.data);
        let spawned = std::thread::Builder::new().name("detail-shapes".into()).spawn(move || {
            let _ = slot.set(build_detail(&data, &overview, true).map(Arc::new));
        });
        if spawned.is_err() {
            // No thread to spare: build it here, so that whoever waits is answered.
            self.load_detail();
        }
    }

    /// Builds the 1:10m geometry of the layout's rule now, unless it is ready: for
    /// exports, which wait for what they draw.
    pub fn load_detail(&mut self) {
        let rule = self.layout().disputed;
        let overview = geometry_for(&self.data, &mut self.geometries, rule);
        let slot = Arc::clone(self.detail.entry(rule).or_default());
        slot.get_or_init(|| build_detail(&self.data, &overview, false).map(Arc::new));
    }

    /// Whether the 1:10m geometry of the layout's rule is being built in the
    /// background (the window keeps repainting until it is there).
    pub fn detail_loading(&self) -> bool {
        let rule = self.layout().disputed;
        self.detail_started.contains(&rule) && self.detail.get(&rule).is_none_or(|slot| slot.get().is_none())
    }

    /// The loaded data.
    pub fn data(&self) -> &Arc<MapData> {
        &self.data
    }

    /// Where "today" comes from.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The layout being edited.
    pub fn layout(&self) -> &Layout {
        self.document.layout()
    }

    /// The layout with its file and history.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The picture of the layout, shared with painters on other threads.
    pub fn scene(&self) -> &Arc<Scene> {
        &self.scene
    }

    /// Every day on which the sourced data changes, sorted.
    pub fn change_days(&self) -> &[Date] {
        self.change_days.get_or_init(|| self.data.atlas.change_days())
    }

    /// The nearest change day before (`forward` false) or after the layout's date.
    pub fn next_change(&self, forward: bool) -> Option<Date> {
        let date = self.layout().date;
        if forward {
            self.change_days().iter().copied().find(|&d| d > date)
        } else {
            self.change_days().iter().rev().copied().find(|&d| d < date)
        }
    }

    /// Applies an edit now.
    pub fn apply(&mut self, edit: Edit) -> Changed {
        self.apply_at(edit, Instant::now())
    }

    /// Applies an edit at `now` (tests pass their own time to check how edits merge
    /// into undo steps).
    pub fn apply_at(&mut self, edit: Edit, now: Instant) -> Changed {
        let changed = self.document.apply(edit, now);
        self.rebuild(changed)
    }

    /// Undoes the last step.
    pub fn undo(&mut self) -> Changed {
        let changed = self.document.undo();
        self.rebuild(changed)
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) -> Changed {
        let changed = self.document.redo();
        self.rebuild(changed)
    }

    /// Starts a new, unsaved layout as of today.
    pub fn new_document(&mut self) -> Changed {
        let layout = default_layout(&self.data.atlas, self.clock.today());
        self.replace_document(Document::new(layout, None))
    }

    /// Adds an organisation (a user layer the window just copied in) after the
    /// others; the layout lists it hidden until the user shows it.
    pub fn add_organisation(&mut self, org: Organisation) -> Changed {
        Arc::make_mut(&mut self.data).atlas.organisations.push(org);
        self.change_days = std::sync::OnceLock::new();
        self.selection = None;
        let inputs = SceneInputs::from_layout(self.document.layout());
        self.scene = self.build_scene(inputs);
        Changed { layout: false, scene: true, view: false, date: false }
    }

    /// Opens a layout file; on problems, returns them and keeps the current layout.
    /// Layers this machine lacks do not stop it: they are returned as notes with
    /// the layout, drawn as nothing, and kept as they are when the layout is saved.
    pub fn open(&mut self, path: &Path) -> Result<(Changed, Vec<Problem>), Vec<Problem>> {
        let (layout, notes) = load_layout_keeping_unknown_layers(path, &self.data.atlas, &self.data.iso)?;
        Ok((self.replace_document(Document::new(layout, Some(path.to_path_buf()))), notes))
    }

    /// Saves atomically to `path`; on failure the old file is untouched.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        save_layout(path, self.layout())?;
        self.document.mark_saved(path);
        Ok(())
    }

    fn replace_document(&mut self, document: Document) -> Changed {
        self.document = document;
        self.rebuild(Changed::EVERYTHING)
    }

    /// Rebuilds the scene when its inputs changed, and the geometry only when the
    /// disputed-territory rule did.
    fn rebuild(&mut self, changed: Changed) -> Changed {
        if !changed.scene {
            return changed;
        }
        let inputs = SceneInputs::from_layout(self.document.layout());
        if inputs == self.scene.inputs {
            return changed;
        }
        self.scene = self.build_scene(inputs);
        changed
    }

    /// The geometry under `rule`, built on first use and kept.
    pub fn geometry(&mut self, rule: DisputedRule) -> Arc<MapGeometry> {
        geometry_for(&self.data, &mut self.geometries, rule)
    }

    /// What the inspector and the commitment lines show for `code`, computed once
    /// per scene and selection.
    pub fn selection(&mut self, code: CountryCode) -> Arc<SelectionDetail> {
        match &self.selection {
            Some((generation, detail)) if *generation == self.scene.generation && detail.code == code => {
                Arc::clone(detail)
            }
            _ => {
                let detail = Arc::new(SelectionDetail::build(&self.scene, code));
                self.selection = Some((self.scene.generation, Arc::clone(&detail)));
                detail
            }
        }
    }
}

/// The scene for `inputs`, on the cached geometry of its rule and sharing that
/// rule's 1:10m slot.
fn scene_for(
    data: &MapData,
    geometries: &mut BTreeMap<DisputedRule, Arc<MapGeometry>>,
    detail: &mut BTreeMap<DisputedRule, DetailSlot>,
    inputs: SceneInputs,
) -> Arc<Scene> {
    let rule = inputs.rule;
    let geometry = geometry_for(data, geometries, rule);
    let slot = Arc::clone(detail.entry(rule).or_default());
    Arc::new(Scene::build(inputs, geometry, &data.atlas).with_detail(slot))
}

/// The 1:10m geometry under `overview`'s rule; with `prepare`, fully prepared
/// (triangles, outlines, hit index) so that the window's first frame drawing it
/// does not pay for it, while an export computes only what it draws. `None` when
/// the data has no 1:10m shapes or they do not list the overview's countries.
fn build_detail(data: &MapData, overview: &MapGeometry, prepare: bool) -> Option<MapGeometry> {
    let shapes = data.detail_shapes()?;
    let detail = MapGeometry::build(shapes, overview.rule, |code| data.iso.name(code).map(str::to_owned));
    if !overview.same_countries(&detail) {
        eprintln!("alliance-map: the 1:10m shapes do not list the 1:50m countries; the map stays at 1:50m");
        return None;
    }
    if prepare {
        detail.prepare_all();
    }
    Some(detail)
}

fn geometry_for(
    data: &MapData,
    cache: &mut BTreeMap<DisputedRule, Arc<MapGeometry>>,
    rule: DisputedRule,
) -> Arc<MapGeometry> {
    Arc::clone(cache.entry(rule).or_insert_with(|| Arc::new(overview_geometry(data, rule))))
}

/// The 1:50m geometry of `data` under `rule`, its countries named from the ISO table.
pub fn overview_geometry(data: &MapData, rule: DisputedRule) -> MapGeometry {
    MapGeometry::build(&data.shapes, rule, |code| data.iso.name(code).map(str::to_owned))
}
