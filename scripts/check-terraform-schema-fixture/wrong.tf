# Deliberately wrong Terraform for `scripts/check-terraform-schema --self-test`: every mistake here is listed in
# SELF_TEST_EXPECTED in that script, and everything else here is right and must not be reported.

# An unknown argument, a required argument left out (size), an OS disk over the limit.
resource "azurerm_linux_virtual_machine" "too_big" {
  name                  = "vm01"
  location              = "uksouth"
  resource_group_name   = "rg"
  network_interface_ids = [var.nic_id]
  os_disk_size          = 5000
  admin_username        = "cloudadmin"
  count                 = 1

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 5000
  }

  dynamic "admin_ssh_key" {
    for_each = var.keys
    content {
      username   = "cloudadmin"
      public_key = admin_ssh_key.value
    }
  }

  lifecycle {
    ignore_changes = [tags]
  }
}

# A name too long for a Key Vault; an interpolated name is not checked.
resource "azurerm_key_vault" "long_name" {
  name                = "kv-a-name-much-longer-than-24"
  location            = "uksouth"
  resource_group_name = "rg"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

resource "azurerm_key_vault" "interpolated" {
  name                = "${var.prefix}-kv-a-name-much-longer-than-24"
  location            = "uksouth"
  resource_group_name = "rg"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

# Upper case in a storage account name.
resource "azurerm_storage_account" "upper" {
  name                     = "FlowLogs01"
  location                 = "uksouth"
  resource_group_name      = "rg"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# A gp3 volume over 16 TiB, and an unknown nested block.
resource "aws_instance" "big_root" {
  ami           = "ami-12345678"
  instance_type = "m7i.large"

  root_block_device {
    volume_type = "gp3"
    volume_size = 20000
    encrypted   = true
  }

  metadata_options {
    http_tokens = "required"
    http_hops {
      limit = 1
    }
  }
}

# A Compute Engine name with an underscore and capitals, and an unknown data source.
resource "google_compute_network" "bad_name" {
  name                    = "Core_Network"
  auto_create_subnetworks = false
}

data "google_no_such_thing" "x" {}

# A balanced persistent disk over 64 TiB, and a Filestore Zonal capacity between its two ranges.
resource "google_compute_disk" "too_big" {
  name = "too-big"
  type = "pd-balanced"
  size = 70000
}

resource "google_filestore_instance" "odd_size" {
  name = "odd-size"
  tier = "ZONAL"

  file_shares {
    name        = "shares"
    capacity_gb = 10000
  }

  networks {
    network = "default"
    modes   = ["MODE_IPV4"]
  }
}
