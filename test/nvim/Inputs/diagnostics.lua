-- Headless Neovim: loads the boundwise plugin (on runtimepath), opens
-- $BOUNDWISE_FILE, waits for boundwise-lsp's diagnostics and writes them,
-- one a line, to $BOUNDWISE_OUT; then quits. Options to setup() come from the
-- environment: $BOUNDWISE_LSP (the server), $BOUNDWISE_FALLBACK_FLAGS
-- (space-separated).
local out = {}
local function say(line)
  table.insert(out, line)
end
local function finish(code)
  vim.fn.writefile(out, os.getenv('BOUNDWISE_OUT'))
  vim.cmd((code == 0 and 'qall!' or ('cquit! ' .. code)))
end

local ok, err = pcall(function()
  vim.cmd('filetype on')
  local opts = { cmd = os.getenv('BOUNDWISE_LSP') }
  local flags = os.getenv('BOUNDWISE_FALLBACK_FLAGS')
  if flags and flags ~= '' then
    opts.fallback_flags = vim.split(flags, ' ', { trimempty = true })
  end
  require('boundwise').setup(opts)
  say('nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor)
    .. (vim.lsp.start and ' vim.lsp.start' or ' vim.lsp.start_client'))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('BOUNDWISE_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 100)
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if client.name == 'boundwise' then
      say('client ' .. client.name .. ' root ' .. tostring(client.config.root_dir)
        .. ' attached ' .. tostring(vim.lsp.buf_is_attached(buf, client.id)))
    end
  end
  if not got then
    say('no diagnostics within 20 s')
  end
  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  for _, d in ipairs(diagnostics) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    say(string.format('%d:%d: %s: %s [%s] (%s)', d.lnum + 1, d.col + 1,
      vim.diagnostic.severity[d.severity], d.message, tostring(code),
      tostring(d.source)))
  end
end)
if not ok then
  say('error: ' .. tostring(err))
  finish(1)
else
  finish(0)
end
