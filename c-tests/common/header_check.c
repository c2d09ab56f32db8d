/* Compiled (not run) by `make check`: rustcrt.h together with glibc's headers, under -Werror.
 * Every prototype in rustcrt.h must be compatible with glibc's declaration of the same name. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <threads.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <malloc.h>
#include <dirent.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/resource.h>
#include <locale.h>
#include <ctype.h>
#include <wchar.h>
#include "rustcrt.h"
