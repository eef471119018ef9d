// Declarations QRCore takes from Darwin, with Darwin's types, for an
// availability check on Linux only (never linked).
typedef unsigned long size_t;
typedef unsigned short uint16_t; typedef int int32_t; typedef unsigned int uint32_t; typedef long long int64_t; typedef unsigned long long uint64_t; typedef unsigned char uint8_t;
typedef struct { long __sig; char __opaque[56]; } pthread_mutex_t;
typedef struct { long __sig; char __opaque[40]; } pthread_cond_t;
typedef struct { long __sig; char __opaque[56]; } pthread_attr_t;
typedef struct { long __sig; char __opaque[8]; } pthread_mutexattr_t;
typedef struct { long __sig; char __opaque[8]; } pthread_condattr_t;
typedef struct _opaque_pthread_t *pthread_t;
int pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int pthread_mutex_destroy(pthread_mutex_t *);
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_cond_init(pthread_cond_t *, const pthread_condattr_t *);
int pthread_cond_destroy(pthread_cond_t *);
int pthread_cond_wait(pthread_cond_t *, pthread_mutex_t *);
int pthread_cond_signal(pthread_cond_t *);
int pthread_cond_broadcast(pthread_cond_t *);
int pthread_create(pthread_t _Nullable * _Nonnull, const pthread_attr_t * _Nullable, void * _Nullable (* _Nonnull)(void * _Nonnull), void * _Nullable);
int pthread_detach(pthread_t);
long sysconf(int);
#define _SC_NPROCESSORS_ONLN 58
typedef uint16_t mode_t;
typedef int64_t off_t;
struct stat { int32_t st_dev; mode_t st_mode; uint16_t st_nlink; uint64_t st_ino; uint32_t st_uid; uint32_t st_gid; int32_t st_rdev; off_t st_size; };
int fstat(int, struct stat *);
#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define O_RDONLY 0x0000
#define O_WRONLY 0x0001
#define O_CREAT 0x0200
#define O_EXCL 0x0800
#define O_CLOEXEC 0x01000000
#define EINTR 4
int __open(const char *, int, mode_t);
int close(int);
long read(int, void *, size_t);
long write(int, const void *, size_t);
int unlink(const char *);
int rename(const char *, const char *);
char *strerror(int);
extern int __errno_value;
