# Deliberately wrong, for scripts/check-terraform-schema --self-test: each resource breaks one Azure value limit
# and nothing else.
resource "azurerm_managed_disk" "too_big" {
  name                 = "data"
  location             = "uksouth"
  resource_group_name  = "rg"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 40000
}

resource "azurerm_managed_disk" "ultra_is_larger" {
  name                 = "ultra"
  location             = "uksouth"
  resource_group_name  = "rg"
  storage_account_type = "UltraSSD_LRS"
  create_option        = "Empty"
  disk_size_gb         = 40000
}

resource "azurerm_storage_share" "too_big" {
  name               = "share"
  storage_account_id = "id"
  quota              = 204800
}

resource "azurerm_network_security_rule" "too_late" {
  name                        = "rule"
  priority                    = 5000
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
