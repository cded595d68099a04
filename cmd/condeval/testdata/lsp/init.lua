-- A minimal Neovim configuration for the editor end-to-end test of
-- `condeval lsp` (see lsp_nvim_test.go). It attaches the server to the
-- condition files, waits for the diagnostics of the file given on the
-- command line and writes what the editor received as JSON to
-- $CONDEVAL_OUT: the protocol message and the diagnostics as Neovim holds
-- them (0-based lines, byte columns). Then it asks for the quick fix of the
-- first diagnostic that has one, applies it, and records the diagnostics of
-- the fixed buffer too.
--
-- Works with Neovim 0.7 (Debian 12), which lacks vim.lsp.start, and later.

local bin = assert(os.getenv("CONDEVAL_BIN"), "CONDEVAL_BIN is not set")
local out = assert(os.getenv("CONDEVAL_OUT"), "CONDEVAL_OUT is not set")
local report = {}

local function finish(err)
  report.error = err
  local f = assert(io.open(out, "w"))
  f:write(vim.json.encode(report))
  f:close()
  vim.cmd("qa!")
end

-- Give up rather than hang when the server never answers.
vim.defer_fn(function() finish("timed out waiting for the server") end, 20000)

local client_id
local function attach(bufnr)
  local config = { name = "condeval", cmd = { bin, "lsp" }, root_dir = vim.fn.getcwd() }
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = client_id or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = { "*.scxml", "*.ixnprocess", "*.workflow", "*.cond" },
  callback = function(args) attach(args.buf) end,
})

-- Asks for the code actions at the first diagnostic that has a quick fix
-- and applies the first one; returns false when there is none.
local function apply_first_fix(bufnr, diagnostics)
  local client = vim.lsp.get_client_by_id(client_id)
  for _, d in ipairs(diagnostics) do
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = d.range,
      context = { diagnostics = { d } },
    }
    local resp = client.request_sync("textDocument/codeAction", params, 5000, bufnr)
    local actions = resp and resp.result or {}
    if #actions > 0 then
      report.action = actions[1]
      vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
      return true
    end
  end
  return false
end

local publishes = 0
local default_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  publishes = publishes + 1
  local bufnr = vim.uri_to_bufnr(result.uri)
  if publishes == 1 then
    report.published = result
    report.diagnostics = vim.diagnostic.get(bufnr)
    vim.schedule(function()
      if not apply_first_fix(bufnr, result.diagnostics) then
        finish(nil)
      end
    end)
  else
    report.fixed_published = result
    report.fixed_line = report.action and vim.api.nvim_buf_get_lines(bufnr,
      report.action.diagnostics[1].range.start.line, report.action.diagnostics[1].range.start.line + 1, false)[1]
    vim.schedule(function() finish(nil) end)
  end
end
