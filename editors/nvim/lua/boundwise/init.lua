-- boundwise for Neovim: starts boundwise-lsp for C and C++ buffers.
--
--   require('boundwise').setup({
--     cmd = 'boundwise-lsp',              -- the server (a path or a name on PATH)
--     compile_commands_dir = nil,         -- --compile-commands-dir=<dir>
--     extra_args = {},                    -- more arguments to the server
--     fallback_flags = nil,               -- flags for files no database covers
--     inlay_hints = nil,                  -- true/false: the server's inlay hints
--   })
--
-- Works on Neovim 0.7 (Debian 12) and later: vim.lsp.start where it exists
-- (0.8+), vim.lsp.start_client and vim.lsp.buf_attach_client before.

local M = {}

local defaults = {
  cmd = 'boundwise-lsp',
  compile_commands_dir = nil,
  extra_args = {},
  fallback_flags = nil,
  inlay_hints = nil,
  filetypes = { 'c', 'cpp', 'objc', 'objcpp', 'cuda' },
  root_markers = { 'compile_commands.json', '.boundwise.yaml', '.git' },
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
}

M.options = vim.deepcopy(defaults)

-- Clients started on Neovim 0.7, by root directory (vim.lsp.start reuses its
-- own on 0.8+).
local clients = {}

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

--- The server's command line from the options.
function M.cmd(opts)
  opts = opts or M.options
  local cmd = type(opts.cmd) == 'table' and vim.deepcopy(opts.cmd) or { opts.cmd }
  if opts.compile_commands_dir then
    table.insert(cmd, '--compile-commands-dir=' .. opts.compile_commands_dir)
  end
  for _, arg in ipairs(opts.extra_args or {}) do
    table.insert(cmd, arg)
  end
  return cmd
end

--- The initialization options boundwise-lsp reads, or nil when none is set.
function M.init_options(opts)
  opts = opts or M.options
  local init = {}
  if opts.fallback_flags then
    init.fallbackFlags = opts.fallback_flags
  end
  if opts.compile_commands_dir then
    init.compilationDatabasePath = opts.compile_commands_dir
  end
  if opts.inlay_hints ~= nil then
    init.inlayHints = opts.inlay_hints
  end
  if next(init) == nil then
    return nil
  end
  return init
end

--- The project root of a file: the nearest directory up from it holding one
--- of the root markers (compile_commands.json, .boundwise.yaml, .git), else
--- the file's own directory.
function M.root_dir(path, markers)
  markers = markers or M.options.root_markers
  local file = vim.fn.fnamemodify(path, ':p')
  local start = vim.fn.fnamemodify(file, ':h')
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local function config_for(bufnr)
  local opts = M.options
  local name = vim.api.nvim_buf_get_name(bufnr)
  local root = M.root_dir(name ~= '' and name or vim.fn.getcwd())
  return {
    name = 'boundwise',
    cmd = M.cmd(opts),
    root_dir = root,
    workspace_folders = {
      { uri = vim.uri_from_fname(root), name = root },
    },
    init_options = M.init_options(opts),
    capabilities = opts.capabilities,
    handlers = opts.handlers,
    on_attach = opts.on_attach,
  }
end

--- Starts boundwise-lsp for a buffer, or attaches the buffer to the client
--- already running for its project. Returns the client id.
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local config = config_for(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7.
  local id = clients[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    if not id then
      return nil
    end
    clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Stops the running boundwise clients and starts them again for the loaded
--- C and C++ buffers.
function M.restart()
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if client.name == 'boundwise' then
      client.stop()
    end
  end
  clients = {}
  vim.defer_fn(function()
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr)
          and vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) then
        M.start(bufnr)
      end
    end
  end, 500)
end

--- Sets the options and starts boundwise-lsp for the buffers of the
--- filetypes, those opened from now on and those already open.
function M.setup(opts)
  -- Each option replaces its default whole (a list of filetypes is not
  -- merged into the default one).
  M.options = vim.tbl_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('boundwise', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  vim.api.nvim_create_user_command('BoundwiseRestart', M.restart,
    { desc = 'Restart boundwise-lsp' })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr)
        and vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) then
      M.start(bufnr)
    end
  end
end

return M
