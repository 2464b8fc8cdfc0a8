# A storage pool under NetApp Volumes' 2,048 GiB and a volume under its 100 GiB: both reported.
resource "google_netapp_storage_pool" "too_small" {
  name          = "too-small"
  location      = "europe-west2"
  service_level = "PREMIUM"
  capacity_gib  = 1024
  network       = "projects/example/global/networks/main"
}

resource "google_netapp_volume" "too_small" {
  name         = "too-small"
  location     = "europe-west2"
  storage_pool = google_netapp_storage_pool.too_small.name
  capacity_gib = 50
  share_name   = "too-small"
  protocols    = ["SMB"]
}

# Within the limits: not reported.
resource "google_netapp_volume" "fits" {
  name         = "fits"
  location     = "europe-west2"
  storage_pool = google_netapp_storage_pool.too_small.name
  capacity_gib = 100
  share_name   = "fits"
  protocols    = ["SMB"]
}
