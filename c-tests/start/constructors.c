/* Constructor and destructor order, priorities, arguments; atexit from constructors and
 * destructors; all compared with glibc's output. */
#include <stdlib.h>
#include <string.h>
#include "test.h"

static int saw_args;

static void atexit_from_ctor(void) { t_print("atexit handler registered by a constructor\n"); }
static void atexit_from_dtor(void) { t_print("atexit handler registered by a destructor\n"); }
static void atexit_from_main(void) { t_print("atexit handler registered by main\n"); }

__attribute__((constructor(101))) static void ctor101(int argc, char **argv, char **envp)
{
    t_print("constructor 101\n");
    saw_args = argc == 1 && argv[0] != NULL && argv[1] == NULL && envp != NULL;
}
__attribute__((constructor(300))) static void ctor300(void)
{
    t_print("constructor 300\n");
    atexit(atexit_from_ctor);
}
__attribute__((constructor(200))) static void ctor200(void) { t_print("constructor 200\n"); }
__attribute__((constructor)) static void ctor_default_a(void) { t_print("constructor default a\n"); }
__attribute__((constructor)) static void ctor_default_b(void) { t_print("constructor default b\n"); }

__attribute__((destructor(101))) static void dtor101(void) { t_print("destructor 101\n"); }
__attribute__((destructor(300))) static void dtor300(void)
{
    t_print("destructor 300\n");
    atexit(atexit_from_dtor);
}
__attribute__((destructor)) static void dtor_default_a(void) { t_print("destructor default a\n"); }
__attribute__((destructor)) static void dtor_default_b(void) { t_print("destructor default b\n"); }

static void preinit(int argc, char **argv, char **envp)
{
    (void)argc; (void)argv; (void)envp;
    t_print("preinit\n");
}
__attribute__((section(".preinit_array"), used)) static void (*preinit_entry)(int, char **, char **) = preinit;

int main(void)
{
    t_print("main\n");
    T_CHECK(saw_args);
    atexit(atexit_from_main);
    return t_status();
}
