// cflags: -fno-builtin -frounding-math
// ldflags: -lm
/* <fenv.h>: rounding modes seen by rint/nearbyint/lrint and by SSE and x87 arithmetic, the
 * exception flags raised by arithmetic and by feraiseexcept, saved and restored flags,
 * environments (fegetenv/fesetenv/FE_DFL_ENV, feholdexcept/feupdateenv), control modes, and
 * traps (feenableexcept) that kill a child with SIGFPE. */
#include <fenv.h>
#include <float.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common.h"
#include "test.h"

static volatile double one = 1.0, three = 3.0, zero = 0.0, big = DBL_MAX, small = DBL_MIN;
static volatile float onef = 1.0f, threef = 3.0f;
static volatile long double onel = 1.0L, threel = 3.0L;

static void flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%s:%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "", f & FE_DIVBYZERO ? " divbyzero" : "",
           f & FE_OVERFLOW ? " overflow" : "", f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
}

static void modes(void)
{
    static const int mode[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    static const double x[] = {2.5, -2.5, 0.5, -0.5, 1.75, -0.25};
    T_EQ(fegetround(), FE_TONEAREST);
    for (unsigned m = 0; m < 4; m++) {
        T_EQ(fesetround(mode[m]), 0);
        T_EQ(fegetround(), mode[m]);
        printf("mode %#x:", mode[m]);
        for (unsigned i = 0; i < sizeof x / sizeof x[0]; i++) {
            show(rint(x[i]));
            show(rintf((float)x[i]));
            show(nearbyint(x[i]));
            printf(" %ld %ld", lrint(x[i]), lrintf((float)x[i]));
        }
        printf(" | %a %a %La %a\n", one / three, (double)(onef / threef), onel / threel, -one / three);
        feclearexcept(FE_ALL_EXCEPT);
        (void)nearbyint(2.5);
        (void)nearbyintf(2.5f);
        T_EQ(fetestexcept(FE_INEXACT), 0);
        (void)rint(2.5);
        T_EQ(fetestexcept(FE_INEXACT), FE_INEXACT);
        /* round, floor, ceil and trunc are the same in every mode. */
        printf("  round %a %a %a floor %a ceil %a trunc %a roundeven %a %a\n", round(-2.5), roundf(2.5f), round(0.49999999999999994),
               floor(-2.5), ceil(-2.5), trunc(-2.5), roundeven(-2.5), roundevenf(3.5f));
    }
    /* Not a rounding mode: refused, nothing changes. */
    T_CHECK(fesetround(FE_DOWNWARD | 1) != 0);
    T_CHECK(fesetround(-1) != 0);
    T_EQ(fegetround(), FE_TOWARDZERO);
    T_EQ(fesetround(FE_TONEAREST), 0);
}

static void exceptions(void)
{
    T_EQ(feclearexcept(FE_ALL_EXCEPT), 0);
    flags("cleared");
    volatile double r = one / zero;
    flags("1/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = zero / zero;
    flags("0/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = big * 2;
    flags("max*2");
    feclearexcept(FE_ALL_EXCEPT);
    r = small / 3;
    flags("min/3");
    feclearexcept(FE_ALL_EXCEPT);
    r = one / three;
    flags("1/3");
    feclearexcept(FE_ALL_EXCEPT);
    volatile long double rl = onel / (long double)zero;
    flags("1.0L/0");
    feclearexcept(FE_ALL_EXCEPT);
    rl = (long double)zero / (long double)zero;
    flags("0.0L/0");
    (void)r;
    (void)rl;
    /* feclearexcept clears only what it names, in both units. */
    feraiseexcept(FE_ALL_EXCEPT);
    flags("raise all");
    T_EQ(feclearexcept(FE_INVALID | FE_INEXACT), 0);
    flags("cleared invalid, inexact");
    feclearexcept(FE_ALL_EXCEPT);
    T_EQ(feraiseexcept(FE_OVERFLOW | FE_INEXACT), 0);
    T_EQ(fetestexcept(FE_OVERFLOW | FE_UNDERFLOW), FE_OVERFLOW);
    T_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);

    /* Saved flags come back; fesetexceptflag raises nothing new. */
    fexcept_t saved;
    T_EQ(fegetexceptflag(&saved, FE_ALL_EXCEPT), 0);
    feclearexcept(FE_ALL_EXCEPT);
    T_EQ(fesetexceptflag(&saved, FE_OVERFLOW), 0);
    flags("restored overflow only");
    T_EQ(fesetexceptflag(&saved, FE_ALL_EXCEPT), 0);
    flags("restored all");
    fexcept_t none;
    feclearexcept(FE_ALL_EXCEPT);
    fegetexceptflag(&none, FE_ALL_EXCEPT);
    T_EQ(fesetexceptflag(&none, FE_OVERFLOW), 0);
    flags("set from empty");
    T_EQ(fetestexceptflag(&saved, FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);
    T_EQ(fetestexceptflag(&saved, FE_INEXACT | FE_INVALID), FE_INEXACT);
    T_EQ(fesetexcept(FE_INVALID | FE_UNDERFLOW), 0);
    flags("fesetexcept");
    feclearexcept(FE_ALL_EXCEPT);
}

static void environments(void)
{
    fenv_t env, held;
    fesetround(FE_UPWARD);
    feraiseexcept(FE_DIVBYZERO);
    T_EQ(fegetenv(&env), 0);
    fesetround(FE_DOWNWARD);
    feclearexcept(FE_ALL_EXCEPT);
    T_EQ(fesetenv(&env), 0);
    T_EQ(fegetround(), FE_UPWARD);
    flags("fesetenv restores flags");
    T_EQ(fesetenv(FE_DFL_ENV), 0);
    T_EQ(fegetround(), FE_TONEAREST);
    T_EQ(fegetexcept(), 0);
    flags("FE_DFL_ENV");

    /* feholdexcept: saves, clears and goes non-stop; feupdateenv merges. */
    fesetround(FE_TOWARDZERO);
    feraiseexcept(FE_UNDERFLOW);
    feenableexcept(FE_DIVBYZERO);
    T_EQ(feholdexcept(&held), 0);
    flags("held");
    T_EQ(fegetexcept(), 0);
    T_EQ(fegetround(), FE_TOWARDZERO);
    volatile double r = one / zero; /* no trap while held */
    (void)r;
    flags("divided while held");
    feclearexcept(FE_DIVBYZERO);
    r = zero / zero;
    T_EQ(feupdateenv(&held), 0);
    flags("updated");
    T_EQ(fegetexcept(), FE_DIVBYZERO);
    T_EQ(fedisableexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
    T_EQ(fegetround(), FE_TOWARDZERO);
    T_EQ(feupdateenv(FE_DFL_ENV), 0);
    flags("updated to default keeps the raised ones");
    T_EQ(fegetround(), FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);

    /* Control modes keep the flags. */
    femode_t mode;
    fesetround(FE_DOWNWARD);
    T_EQ(fegetmode(&mode), 0);
    feraiseexcept(FE_INEXACT);
    T_EQ(fesetmode(FE_DFL_MODE), 0);
    T_EQ(fegetround(), FE_TONEAREST);
    T_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
    T_EQ(fesetmode(&mode), 0);
    T_EQ(fegetround(), FE_DOWNWARD);
    T_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
    fesetenv(FE_DFL_ENV);
    printf("sizes %zu %zu %zu\n", sizeof(fenv_t), sizeof(fexcept_t), sizeof(femode_t));
}

/* Runs f in a child and reports how it ended. */
static void in_child(const char *what, void (*f)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        f();
        _exit(0);
    }
    int status = 0;
    T_EQ(waitpid(pid, &status, 0), pid);
    printf("%s: %s\n", what, WIFSIGNALED(status) && WTERMSIG(status) == SIGFPE ? "SIGFPE" : WIFEXITED(status) ? "exited" : "other");
}

static void trap_sse_divide(void)
{
    feenableexcept(FE_DIVBYZERO);
    volatile double r = one / zero;
    (void)r;
}

static void trap_x87_invalid(void)
{
    feenableexcept(FE_INVALID);
    volatile long double r = (long double)zero / (long double)zero;
    (void)r;
}

static void trap_raise(void)
{
    feenableexcept(FE_OVERFLOW);
    feraiseexcept(FE_OVERFLOW);
}

static void trap_nomask(void)
{
    fesetenv(FE_NOMASK_ENV);
    volatile double r = zero / zero;
    (void)r;
}

static void no_trap_masked(void)
{
    feenableexcept(FE_INVALID);
    fedisableexcept(FE_INVALID);
    volatile double r = zero / zero;
    (void)r;
}

int main(void)
{
    modes();
    exceptions();
    environments();
    T_EQ(feenableexcept(FE_INVALID | 0x100), 0);
    T_EQ(fegetexcept(), FE_INVALID);
    T_EQ(feenableexcept(FE_OVERFLOW), FE_INVALID);
    T_EQ(fedisableexcept(FE_INVALID), FE_INVALID | FE_OVERFLOW);
    T_EQ(fedisableexcept(FE_ALL_EXCEPT), FE_OVERFLOW);
    in_child("sse divide by zero, enabled", trap_sse_divide);
    in_child("x87 invalid, enabled", trap_x87_invalid);
    in_child("feraiseexcept overflow, enabled", trap_raise);
    in_child("FE_NOMASK_ENV then 0/0", trap_nomask);
    in_child("enabled then disabled", no_trap_masked);
    return t_status();
}
