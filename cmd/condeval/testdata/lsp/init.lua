-- A minimal Neovim configuration for the editor end-to-end test of
-- `condeval lsp` (see lsp_nvim_test.go). It attaches the server to the
-- condition files with the shipped editors/nvim/condeval.lua, waits for the diagnostics of the file given on the
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

-- The configuration users are given: editors/nvim/condeval.lua, with a
-- setting that re-grades a rule, as a user would write it.
package.path = assert(os.getenv("CONDEVAL_EDITORS"), "CONDEVAL_EDITORS is not set") .. "/?.lua;" .. package.path
require("condeval").setup({
  cmd = { bin, "lsp" },
  settings = { condeval = { severity = { ["unknown-event"] = "error" } } },
})

local function condeval_client()
  for _, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == "condeval" then
      return c
    end
  end
end

-- Asks for the code actions at the first diagnostic that has a quick fix
-- and applies the first one; returns false when there is none.
local function apply_first_fix(bufnr, diagnostics)
  local client = condeval_client()
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

-- The first publication is the file as opened; once the fix is applied,
-- the one for the buffer's new version is the fixed file's.
local fixed_version
local default_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  local bufnr = vim.uri_to_bufnr(result.uri)
  if not report.published then
    report.published = result
    report.diagnostics = vim.diagnostic.get(bufnr)
    vim.schedule(function()
      if not apply_first_fix(bufnr, result.diagnostics) then
        finish(nil)
      end
      fixed_version = vim.lsp.util.buf_versions[bufnr]
    end)
  elseif fixed_version and result.version and result.version >= fixed_version then
    report.fixed_published = result
    local line = report.action.diagnostics[1].range.start.line
    report.fixed_line = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
    vim.schedule(function() finish(nil) end)
  end
end
