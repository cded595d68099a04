-- condeval language server for Neovim, without nvim-lspconfig.
--
-- Put this file in ~/.config/nvim/lua/condeval.lua and add
--   require("condeval").setup()
-- to init.lua; `condeval` must be on PATH (or pass { cmd = { "/path/to/condeval", "lsp" } }).
-- Settings are the lint command's: { condeval = { disable = { "C206" },
-- severity = { ["enum-value"] = "error" } } }, on top of the .condeval.yaml
-- found above each file.
--
-- Works with Neovim 0.7 (which has no vim.lsp.start) and later.

local M = {}

local patterns = { "*.scxml", "*.ixnprocess", "*.workflow", "*.cond" }

function M.setup(opts)
  opts = opts or {}
  local config = {
    name = "condeval",
    cmd = opts.cmd or { "condeval", "lsp" },
    init_options = opts.settings,
    settings = opts.settings,
  }
  local client_id
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    pattern = patterns,
    callback = function(args)
      config.root_dir = vim.fs and vim.fs.dirname(args.file) or vim.fn.fnamemodify(args.file, ":p:h")
      if vim.lsp.start then
        vim.lsp.start(config, { bufnr = args.buf })
      else
        client_id = client_id or vim.lsp.start_client(config)
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end

return M
