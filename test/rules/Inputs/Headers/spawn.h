/* Mock <spawn.h>. */
#ifndef BOUNDWISE_MOCK_SPAWN_H
#define BOUNDWISE_MOCK_SPAWN_H
#include <sys/types.h>

typedef struct {
  int flags;
} posix_spawnattr_t;
typedef struct {
  int actions;
} posix_spawn_file_actions_t;

BOUNDWISE_EXTERN_C_BEGIN
int posix_spawn(pid_t *pid, const char *path,
                const posix_spawn_file_actions_t *file_actions,
                const posix_spawnattr_t *attrp, char *const argv[],
                char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file,
                 const posix_spawn_file_actions_t *file_actions,
                 const posix_spawnattr_t *attrp, char *const argv[],
                 char *const envp[]);
BOUNDWISE_EXTERN_C_END

#endif
