/// A position on the globe in degrees. Longitudes may run past 180 (Chukotka at
/// 185 E) so that Eurasia is one continuous shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    /// Degrees east of Greenwich.
    pub lon_deg: f64,
    /// Degrees north of the equator.
    pub lat_deg: f64,
}

/// A position on the projection plane in kilometres, x east, y north.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanePoint {
    /// Kilometres east of the projection centre.
    pub x_km: f64,
    /// Kilometres north of the projection centre.
    pub y_km: f64,
}

/// Lambert azimuthal equal-area projection on a sphere.
///
/// Equal-area so that Russia is not inflated against its neighbours (membership maps
/// compare areas at a glance); azimuthal around the middle of Eurasia so that
/// shapes stay recognisable from Portugal to Chukotka. Its only discontinuity is the
/// antipode of the centre (110 W, 50 S), far from the map, so nothing is cut at the
/// antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projector {
    centre: LonLat,
    sin_lat0: f64,
    cos_lat0: f64,
}

/// The authalic radius of the Earth: a sphere of the same area as the WGS84 ellipsoid.
const EARTH_RADIUS_KM: f64 = 6371.007;

impl Projector {
    /// The default centre: 70 E, 50 N.
    pub const EURASIA_CENTRE: LonLat = LonLat { lon_deg: 70.0, lat_deg: 50.0 };

    /// A projection centred on `centre`.
    pub fn centred_at_lonlat(centre: LonLat) -> Self {
        let lat0 = centre.lat_deg.to_radians();
        Self { centre, sin_lat0: lat0.sin(), cos_lat0: lat0.cos() }
    }

    /// The projection for Eurasia, centred at 70 E, 50 N.
    pub fn eurasia() -> Self {
        Self::centred_at_lonlat(Self::EURASIA_CENTRE)
    }

    /// The centre of the projection.
    pub fn centre(&self) -> LonLat {
        self.centre
    }

    /// Where a point of the globe lands on the plane. The antipode of the centre,
    /// which has no single image, is sent to the rim of the disc.
    pub fn plane_from_lonlat(&self, p: LonLat) -> PlanePoint {
        let dlon = (p.lon_deg - self.centre.lon_deg).to_radians();
        let lat = p.lat_deg.to_radians();
        let (sin_lat, cos_lat) = lat.sin_cos();
        let (sin_dlon, cos_dlon) = dlon.sin_cos();
        let cos_c = self.sin_lat0 * sin_lat + self.cos_lat0 * cos_lat * cos_dlon;
        let k = (2.0 / (1.0 + cos_c).max(1e-12)).sqrt();
        PlanePoint {
            x_km: EARTH_RADIUS_KM * k * cos_lat * sin_dlon,
            y_km: EARTH_RADIUS_KM * k * (self.cos_lat0 * sin_lat - self.sin_lat0 * cos_lat * cos_dlon),
        }
    }

    /// The point of the globe at a plane position, or `None` outside the disc that
    /// the projection covers. Longitudes come back within 180 degrees of the centre
    /// (so from -110 to 250 for the Eurasia centre): Chukotka is 185, not -175.
    pub fn lonlat_from_plane(&self, p: PlanePoint) -> Option<LonLat> {
        let rho = p.x_km.hypot(p.y_km);
        if rho > 2.0 * EARTH_RADIUS_KM {
            return None;
        }
        if rho < 1e-9 {
            return Some(self.centre);
        }
        let c = 2.0 * (rho / (2.0 * EARTH_RADIUS_KM)).asin();
        let (sin_c, cos_c) = c.sin_cos();
        let lat = (cos_c * self.sin_lat0 + p.y_km * sin_c * self.cos_lat0 / rho).clamp(-1.0, 1.0).asin();
        let dlon = (p.x_km * sin_c).atan2(rho * self.cos_lat0 * cos_c - p.y_km * self.sin_lat0 * sin_c);
        Some(LonLat { lon_deg: self.centre.lon_deg + dlon.to_degrees(), lat_deg: lat.to_degrees() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lon_deg: f64, lat_deg: f64) -> LonLat {
        LonLat { lon_deg, lat_deg }
    }

    fn assert_round_trip(projector: &Projector, p: LonLat) {
        let back = projector.lonlat_from_plane(projector.plane_from_lonlat(p)).unwrap();
        assert!(
            (back.lon_deg - p.lon_deg).abs() < 1e-9 && (back.lat_deg - p.lat_deg).abs() < 1e-9,
            "{p:?} came back as {back:?}"
        );
    }

    #[test]
    fn unproject_undoes_project_at_known_points_and_the_map_edges() {
        let projector = Projector::eurasia();
        let points = [
            ll(70.0, 50.0),   // centre
            ll(-25.0, 0.0),   // south-west corner of the default view
            ll(191.0, 0.0),   // south-east corner, past the antimeridian
            ll(-25.0, 82.0),  // north-west
            ll(191.0, 82.0),  // north-east
            ll(185.0, 66.0),  // Chukotka
            ll(-9.5, 38.7),   // Lisbon
            ll(37.6, 55.75),  // Moscow
            ll(116.4, 39.9),  // Beijing
            ll(-30.0, -15.0), // corner of the asset extent
            ll(200.0, -15.0), // the other corner
        ];
        for p in points {
            assert_round_trip(&projector, p);
        }
        // At the pole every longitude is the same point: only the latitude returns.
        let pole = projector.lonlat_from_plane(projector.plane_from_lonlat(ll(200.0, 90.0))).unwrap();
        assert!((pole.lat_deg - 90.0).abs() < 1e-9);
    }

    #[test]
    fn unproject_undoes_project_on_a_grid_over_the_extent() {
        let projector = Projector::eurasia();
        for lon in (-30..=200).step_by(5) {
            for lat in (-15..=89).step_by(4) {
                assert_round_trip(&projector, ll(f64::from(lon), f64::from(lat)));
            }
        }
    }

    #[test]
    fn the_centre_maps_to_the_origin_and_north_is_up() {
        let projector = Projector::eurasia();
        let centre = projector.plane_from_lonlat(ll(70.0, 50.0));
        assert!(centre.x_km.abs() < 1e-9 && centre.y_km.abs() < 1e-9);
        assert!(projector.plane_from_lonlat(ll(70.0, 60.0)).y_km > 0.0);
        assert!(projector.plane_from_lonlat(ll(80.0, 50.0)).x_km > 0.0);
    }

    #[test]
    fn the_antimeridian_is_no_seam() {
        let projector = Projector::eurasia();
        // Two points 0.2 degrees apart on either side of 180 E land next to each other...
        let west = projector.plane_from_lonlat(ll(179.9, 66.0));
        let east = projector.plane_from_lonlat(ll(180.1, 66.0));
        assert!((west.x_km - east.x_km).hypot(west.y_km - east.y_km) < 10.0);
        // ...and a place written as -170 or 190 is one point, which unprojects as 190.
        let as_negative = projector.plane_from_lonlat(ll(-170.0, 66.0));
        let as_east = projector.plane_from_lonlat(ll(190.0, 66.0));
        assert!((as_negative.x_km - as_east.x_km).abs() < 1e-6);
        let back = projector.lonlat_from_plane(as_negative).unwrap();
        assert!((back.lon_deg - 190.0).abs() < 1e-9, "{back:?}");
    }

    #[test]
    fn the_projection_preserves_area() {
        // A 1x1 degree cell at 60 N has the same area on the plane near the centre
        // and far from it (equal-area), within the accuracy of a 4-corner polygon.
        let projector = Projector::eurasia();
        let cell_area = |lon: f64, lat: f64| {
            let corners = [ll(lon, lat), ll(lon + 1.0, lat), ll(lon + 1.0, lat + 1.0), ll(lon, lat + 1.0)]
                .map(|p| projector.plane_from_lonlat(p));
            let mut twice = 0.0;
            for i in 0..4 {
                let (a, b) = (corners[i], corners[(i + 1) % 4]);
                twice += a.x_km * b.y_km - b.x_km * a.y_km;
            }
            twice.abs() / 2.0
        };
        let near = cell_area(70.0, 60.0);
        let far = cell_area(175.0, 60.0);
        assert!((near - far).abs() / near < 0.01, "near {near} far {far}");
    }

    #[test]
    fn points_outside_the_disc_have_no_position_on_the_globe() {
        let projector = Projector::eurasia();
        let outside = PlanePoint { x_km: 2.0 * EARTH_RADIUS_KM + 1.0, y_km: 0.0 };
        assert_eq!(projector.lonlat_from_plane(outside), None);
    }
}
