-- Drives the post-mortem language server with Neovim's own LSP client (0.7+), headless.
-- Environment: PM_SERVER (server.js), PM_FILE (report to open), PM_RESULT (JSON written here).
-- Each check is recorded by name with what was seen; neovim.test.ts asserts on them.
local server = assert(os.getenv('PM_SERVER'))
local file = assert(os.getenv('PM_FILE'))
local result_path = assert(os.getenv('PM_RESULT'))
local results = {}

local function record(name, value)
  results[name] = value
end

local function finish()
  local out = io.open(result_path, 'w')
  out:write(vim.fn.json_encode(results))
  out:close()
  vim.cmd('qa!')
end

local function diagnostic_code(d)
  if d.code then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or nil
end

local function diagnostics_seen(bufnr)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(seen, string.format('%s:%d', diagnostic_code(d), d.lnum + 1))
  end
  table.sort(seen)
  return seen
end

local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 15000) or {}
  for _, response in pairs(responses) do
    if response.error then
      return nil, response.error.message
    end
    return response.result
  end
  return nil, 'no response'
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  record('diagnostics', got and diagnostics_seen(bufnr) or {})

  local text_document = { uri = vim.uri_from_bufnr(bufnr) }
  local lenses = request(bufnr, 'textDocument/codeLens', { textDocument = text_document }) or {}
  local titles = {}
  for _, lens in ipairs(lenses) do
    table.insert(titles, lens.command and lens.command.title or '')
  end
  record('codeLens', titles)

  -- Line 13 (0-based 12) is the first timeline row: `| 12:55 PM | ...`.
  local hover = request(bufnr, 'textDocument/hover', {
    textDocument = text_document,
    position = { line = 12, character = 4 },
  })
  local contents = hover and hover.contents
  record('hover', type(contents) == 'table' and (contents.value or vim.inspect(contents)) or '')

  -- The quick fix offered with the timeline-order finding sorts the timeline.
  local order_line
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic_code(d) == 'timeline-order' then
      order_line = d.lnum
    end
  end
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = text_document,
    range = { start = { line = order_line, character = 0 }, ['end'] = { line = order_line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, order_line) },
  }) or {}
  local applied
  for _, action in ipairs(actions) do
    if action.edit and action.title:match('^Sort') then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = action.title
      break
    end
  end
  record('quickFix', applied or '')
  record('rowsAfterFix', vim.api.nvim_buf_get_lines(bufnr, 14, 16, false))

  -- After the edit, the server re-checks the buffer and the order finding goes away.
  vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if diagnostic_code(d) == 'timeline-order' then
        return false
      end
    end
    return true
  end, 20)
  record('diagnosticsAfterFix', diagnostics_seen(bufnr))
end)

if not ok then
  record('error', tostring(err))
end
finish()
